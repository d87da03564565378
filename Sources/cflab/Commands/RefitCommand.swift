import ArgumentParser
import CFCore
import CFReport
import CFStore
import Foundation

/// `cflab refit --sweep NAME --out FILE`: the final fit of the configuration a sweep chose.
/// `--run ID` refits one run's configuration instead (a member `ensemble --select` chose).
///
/// Like scikit-learn's `refit=True`: the row `cflab compare --sweep NAME` marks best (chosen
/// on validation, never on test) is written as a new experiment file that trains the same
/// configuration on training + validation (`split.refit: true`) for the epoch validation
/// chose (the median best epoch of the row's runs), with no early stopping, once per seed
/// and fold of the row. Its test metrics are the final figure, stated as a refit.
struct RefitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refit",
        abstract: "Write the experiment that refits a sweep's chosen configuration on training + validation.",
        discussion: """
        The chosen configuration is the best row of `cflab compare --sweep NAME` (validation \
        RMSE at each run's best epoch). The file it writes is that configuration as the \
        store recorded it, with split.refit true, training.epochs set to the median best \
        epoch of its runs and early stopping removed, swept over the row's seeds (or \
        --seeds) and, for a cross-validated row, its folds. Run it with `cflab run FILE`, \
        then `cflab compare --sweep NAME-refit --ensemble` for the refit's test metrics \
        and its seed ensemble. --run ID refits that run's configuration instead, for its \
        best epoch, with its seed (or --seeds): a member that `cflab ensemble --select` \
        chose on validation. Nothing is trained or written to the store by this command.
        """
    )

    @Option(help: ArgumentHelp("The sweep whose chosen configuration to refit.", valueName: "name"))
    var sweep: String?

    @Option(name: .customLong("run"), help: ArgumentHelp("Refit this run's configuration instead, for its best epoch.", valueName: "id"))
    var runId: Int64?

    @Option(help: ArgumentHelp("The experiment file to write (refused if it exists).", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Comma-separated seeds to refit with (default: the chosen row's seeds).", valueName: "seeds"))
    var seeds: String?

    @Option(help: ArgumentHelp("The name of the refit sweep (default: NAME-refit, or NAME-refit-K for --row K > 1).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Refit the K-th best row instead (1 is the chosen one), for an ensemble of the top rows.", valueName: "K"))
    var row: Int = 1

    func validate() throws {
        guard row >= 1 else { throw ValidationError("--row must be at least 1, got \(row)") }
        guard (sweep == nil) != (runId == nil) else { throw ValidationError("name what to refit: --sweep NAME or --run ID (not both)") }
        if runId != nil, row != 1 { throw ValidationError("--row ranks a sweep's rows; it does not go with --run") }
    }

    /// The refit sweep's name.
    func sweepName(for plan: RefitPlan) -> String {
        if let name { return name }
        if let runId { return (plan.sweep.isEmpty ? "run\(runId)" : "\(plan.sweep)-run\(runId)") + "-refit" }
        return row == 1 ? "\(plan.sweep)-refit" : "\(plan.sweep)-refit-\(row)"
    }

    @OptionGroup var location: StoreLocation

    func run() throws {
        let requestedSeeds = try parsedSeeds()
        guard !FileManager.default.fileExists(atPath: out) else {
            Console.error("error: \(out) exists; refit never overwrites a file: remove it or pass another --out")
            throw ExitCode(1)
        }
        let store = try location.openForReading()
        let plan = try reportingErrors {
            if let runId { return try RefitPlan.of(run: runId, in: store) }
            return try RefitPlan.choose(sweep: sweep ?? "", row: row, in: store)
        }
        let seeds = requestedSeeds ?? plan.seeds
        let summary = plan.summary + ", seeds " + seeds.map(String.init).joined(separator: ", ")
        let sweepName = sweepName(for: plan)
        let file = plan.experiment(name: sweepName, seeds: seeds, summary: summary)
        let source = runId.map { "--run \($0)" } ?? "--sweep \(plan.sweep)"
        try reportingErrors {
            let folder = URL(fileURLWithPath: out).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = "# Written by `cflab refit \(source)`: \(summary)\n" + YAMLPrinter.print(file)
            // Written whole or not at all: a temporary file beside it, then a rename.
            let temporary = folder.appendingPathComponent(".\(URL(fileURLWithPath: out).lastPathComponent).partial")
            try Data(text.utf8).write(to: temporary)
            try FileManager.default.moveItem(at: temporary, to: URL(fileURLWithPath: out))
        }
        Console.out("wrote \(out): \(summary)")
        Console.out("next: cflab run \(out) && cflab compare --sweep \(sweepName) --ensemble")
    }

    private func parsedSeeds() throws -> [Int64]? {
        guard let seeds else { return nil }
        let values = seeds.split(separator: ",").map { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            throw ValidationError("--seeds: expected comma-separated non-negative integers such as 1,2,3, got '\(seeds)'")
        }
        return values.compactMap { $0 }
    }
}

/// What a refit trains: the chosen row's stored config, its seeds, folds and epoch.
struct RefitPlan {
    /// The sweep the configuration comes from ("" for a run outside any sweep).
    var sweep: String
    /// The resolved config of the chosen row's first run, as the store keeps it.
    var config: JSONValue
    var seeds: [Int64]
    /// The row's folds (`split.fold` values) when it is cross-validated, else empty.
    var folds: [JSONValue]
    /// The median best epoch of the row's runs (the upper median of an even count).
    var epochs: Int
    var summary: String

    /// Why a sweep has nothing to refit.
    enum Problem: Error, CustomStringConvertible {
        case nothingChosen(String)
        case noSuchRow(String, row: Int, rows: Int)
        case notValidated(Int64)

        var description: String {
            switch self {
            case let .nothingChosen(sweep):
                return "sweep \(sweep) has no configuration to refit: no completed run with a validation RMSE (see cflab compare --sweep \(sweep))"
            case let .noSuchRow(sweep, row, rows):
                return "sweep \(sweep) has \(rows) configuration\(rows == 1 ? "" : "s") that could be chosen; --row \(row) is beyond them"
            case let .notValidated(id):
                return "run \(id) has no best epoch on validation to refit for: refit a completed run that was validated (not a refit itself)"
            }
        }
    }

    /// The plan for the `row`-th best row (1: the one compare marks best).
    static func choose(sweep: String, row: Int = 1, in store: RunStore) throws -> RefitPlan {
        let request = ComparisonRequest(selection: RunSelection(sweep: sweep))
        let loaded = try request.load(in: store)
        let ranked = Comparison(runs: loaded.runs, baselines: loaded.baselines).rankedRuns
        guard !ranked.isEmpty else { throw Problem.nothingChosen(sweep) }
        guard row <= ranked.count else { throw Problem.noSuchRow(sweep, row: row, rows: ranked.count) }
        let runs = ranked[row - 1]
        guard let first = runs.first else { throw Problem.nothingChosen(sweep) }
        let bestEpochs = runs.compactMap(\.epoch).sorted()
        guard !bestEpochs.isEmpty else { throw Problem.nothingChosen(sweep) }
        let epochs = bestEpochs[bestEpochs.count / 2]
        var folds: [JSONValue] = []
        for fold in runs.compactMap(\.fold) where !folds.contains(fold) { folds.append(fold) }
        let seeds = Array(Set(runs.map(\.record.seed))).sorted()
        let scores = runs.compactMap(\.score)
        let score = scores.reduce(0, +) / Double(max(scores.count, 1))
        let summary = (row == 1 ? "" : "row \(row) of the ranking: ") + "the configuration of run \(first.record.id) (mean valid RMSE \(NumberText.fixed(score, decimals: 4)) "
            + "over \(runs.count) run\(runs.count == 1 ? "" : "s")), trained on training + validation for \(epochs) "
            + "epoch\(epochs == 1 ? "" : "s")"
            + (folds.count > 1 ? ", folds \(folds.map { $0.stringValue ?? $0.canonical }.joined(separator: ", "))" : "")
        return RefitPlan(sweep: sweep, config: first.record.config, seeds: seeds, folds: folds.count > 1 ? folds : [], epochs: epochs, summary: summary)
    }

    /// The plan for one run's configuration: its best epoch, its seed, its fold.
    static func of(run id: Int64, in store: RunStore) throws -> RefitPlan {
        let record = try store.run(id: id)
        guard record.status == .completed || record.status == .pruned, let epochs = record.bestEpoch,
              let score = record.bestMetrics["valid_rmse"], record.config.value(atPath: "split.refit") != .bool(true)
        else { throw Problem.notValidated(id) }
        let summary = "the configuration of run \(id) (valid RMSE \(NumberText.fixed(score, decimals: 4)) at its best epoch), "
            + "trained on training + validation for \(epochs) epoch\(epochs == 1 ? "" : "s")"
        return RefitPlan(sweep: record.sweep, config: record.config, seeds: [record.seed], folds: [], epochs: epochs, summary: summary)
    }

    /// The refit experiment: a sweep over the seeds (and folds) of one configuration,
    /// described by `summary` (what was chosen, and the seeds).
    func experiment(name: String, seeds: [Int64], summary: String) -> JSONValue {
        var file = config.setting("name", to: .string(name))
        file = file.setting("description", to: .string("refit: \(summary)"))
        let tags = (config["tags"]?.arrayValue ?? []).filter { $0 != .string("refit") } + [.string("refit")]
        file = file.setting("tags", to: .array(tags))
        file = file.setting("split", to: (file["split"] ?? .object([])).setting("refit", to: .bool(true)))
        let training = (file["training"] ?? .object([]))
            .setting("epochs", to: .int(Int64(epochs))).setting("early_stopping", to: .null)
        file = file.setting("training", to: training)
        var parameters: [(String, JSONValue)] = [("training.epochs", .array([.int(Int64(epochs))]))]
        if !folds.isEmpty { parameters.append(("split.fold", .array(folds))) }
        return file.setting("sweep", to: .object([
            ("parameters", .object(parameters)), ("seeds", .array(seeds.map { .int($0) })),
        ]))
    }
}
