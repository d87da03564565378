import ArgumentParser
import CFExperiment
import CFReport
import CFStore
import CFText
import Foundation

/// `cflab compare`: which settings won, by how much, and whether it is noise.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare runs like with like: one row per configuration over its seeds and folds, with a paired t-test.",
        discussion: """
        Select runs with --sweep, run ids, or --where (all three combine). Only completed, \
        current attempts are compared, and only runs evaluated on the same data and split \
        settings: a selection that mixes them is refused. A row holds runs identical in \
        every key that changes results but the seed and the fold, and shows the keys that \
        tell rows apart; runs over several folds give a cross-validation row (mean ± std \
        over folds). --group-by KEYS pools runs that differ in other keys and says over \
        what; --group-by none gives one row per run. Rows are ranked by validation RMSE \
        at the epoch --at chooses; test metrics are only reported, in their own columns, \
        and the Final line gives the selected configuration's test RMSE. The best row is \
        tested against the runner-up by a paired t-test over their shared seeds and folds \
        (numbers in --format json). --ensemble adds each configuration's seed ensemble. \
        global_mean and biases runs on the same data and split are shown as baselines.
        """
    )

    @Argument(help: "Run ids to compare.")
    var runIds: [Int64] = []

    @Option(help: ArgumentHelp("Compare the runs of this sweep.", valueName: "name"))
    var sweep: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("Only runs matching this filter (see docs/store.md).", valueName: "filter"))
    var filter: String?

    @Option(help: ArgumentHelp("The epoch to read metrics at: best, last or an epoch number.", valueName: "epoch"))
    var at: String = "best"

    @Option(help: ArgumentHelp(
        "Comma-separated config keys to group by, or `none` for one row per run (default: the swept keys).",
        valueName: "keys"))
    var groupBy: String?

    @Option(help: ArgumentHelp(
        "Comma-separated metric columns to show, such as valid_rmse,test.rmse,ndcg@10 (also final.NAME, epoch, seconds; default: all).",
        valueName: "names"))
    var metrics: String?

    @Flag(help: "Add a row under each configuration with the metrics of its seeds' mean prediction (needs the data and kept parameters).")
    var ensemble = false

    @Option(help: ArgumentHelp("Where the runs' data is now, for --ensemble (tried first).", valueName: "path"))
    var data: String?

    @Option(help: ArgumentHelp("Output format: table, markdown, csv, json or latex.", valueName: "format"))
    var format: String = "table"

    @OptionGroup var location: StoreLocation

    func validate() throws {
        guard TableFormat(rawValue: format) != nil else {
            throw ValidationError("--format \(format): expected one of \(TableFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        _ = try reportingErrors { try EpochChoice(parsing: at) }
    }

    func run() throws {
        let store = try location.openForReading()
        let request = try reportingErrors {
            ComparisonRequest(
                selection: RunSelection(sweep: sweep, runIds: runIds, filter: filter),
                at: try EpochChoice(parsing: at), groupBy: Self.groupKeys(groupBy), metrics: Self.metricNames(metrics))
        }
        let loaded = try reportingErrors { try request.load(in: store) }
        let ensembles = ensemble ? try reportingErrors { try Self.ensembles(request, loaded: loaded, store: store, dataPath: data) } : [:]
        let table = try reportingErrors { try request.table(of: loaded, ensembles: ensembles) }
        let style = TableFormat(rawValue: format) ?? .aligned
        Console.styled(TableRenderer(format: style, highlightsBest: style == .aligned && Console.isTerminal).render(table))
    }

    /// The seed ensemble of every configuration with two or more runs.
    static func ensembles(
        _ request: ComparisonRequest, loaded: ComparisonLoader.Loaded, store: RunStore, dataPath: String?
    ) throws -> [String: EnsembleScore] {
        guard request.groupBy == nil else {
            throw ValidationError("--ensemble averages the runs of one configuration: leave out --group-by")
        }
        var scores: [String: EnsembleScore] = [:]
        for (identity, runs) in request.configurations(of: loaded) {
            // A cross-validated row averages each fold's seeds, then the folds.
            let folds = try SeedEnsemble.evaluatePerSplit(runs, store: store, dataPath: dataPath)
            let ensemble = SeedEnsemble.meanOverSplits(folds)
            scores[identity] = EnsembleScore(runIds: ensemble.runIds, valid: ensemble.valid, test: ensemble.test, folds: folds.count)
        }
        return scores
    }

    /// `--metrics`: nil for all, else the listed names.
    static func metricNames(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// `--group-by`: nil for the default, [] for `none`, else the listed keys.
    static func groupKeys(_ text: String?) -> [String]? {
        guard let text else { return nil }
        if text.lowercased() == "none" || text.isEmpty { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
