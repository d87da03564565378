import ArgumentParser
import CFCore
import CFExperiment
import CFReport
import CFStore
import CFText

/// `cflab ensemble RUN_IDS... | --sweep NAME | --where F`: the mean prediction of any runs of one split.
///
/// `compare --ensemble` averages one configuration's seeds; this averages whatever runs are
/// selected (a dot_bias and an nn refit, the top rows of a search), as long as they were
/// trained on one split, so their mean is scored on the very ratings each was. An id
/// listed twice counts twice (a weighted mean). `--select greedy` chooses the members
/// and their counts on validation instead (Caruana's ensemble selection). Every member
/// is listed with its own metrics, then the mean of their test RMSEs and the ensemble.
struct EnsembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Score the mean prediction of selected runs of one split (any models): validation and test RMSE and MAE.",
        discussion: """
        Select completed runs with ids, --sweep or --where (they combine, as in compare); \
        an id listed twice counts twice in the mean. Each needs kept parameters \
        (training.keep best or final) and the data, found by its fingerprint as reproduce \
        finds it (--data first). Runs of different splits are refused, unless they differ \
        only in the fold: then each fold's runs are averaged and the folds' figures are \
        averaged. The ensemble is shown, never used to choose, unless --select greedy \
        chooses it: each round adds the run (with replacement) that most lowers the \
        validation RMSE of the mean, and the best prefix of --rounds rounds is kept. Test \
        is only reported. To refit the members, `cflab refit --run ID` each of them.
        """
    )

    @Argument(help: "Run ids to average (an id listed twice counts twice).")
    var runIds: [Int64] = []

    @Option(help: ArgumentHelp("Average the completed runs of this sweep.", valueName: "name"))
    var sweep: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("Only runs matching this filter (see docs/store.md).", valueName: "filter"))
    var filter: String?

    @Option(help: ArgumentHelp("Choose the members among the selected runs on validation: greedy.", valueName: "method"))
    var select: SelectionMethod?

    @Option(help: ArgumentHelp("Rounds of --select greedy (picks, with replacement).", valueName: "n"))
    var rounds: Int = 25

    @Flag(help: "Clip the mean prediction to the data's rating range (default: as the runs' evaluation.clip says).")
    var clip = false

    @Option(help: ArgumentHelp("Where the runs' data is now (tried first).", valueName: "path"))
    var data: String?

    @Option(help: "Output format: table, markdown, csv, json or latex.")
    var format = FormatChoice<TableFormats>(.aligned)

    @OptionGroup var location: StoreLocation

    enum SelectionMethod: String, ExpressibleByArgument, CaseIterable {
        case greedy
    }

    func validate() throws {
        guard !runIds.isEmpty || sweep != nil || filter != nil else {
            throw ValidationError("select the runs to average: run ids, --sweep or --where")
        }
        guard (1...1000).contains(rounds) else { throw ValidationError("--rounds must be 1 to 1000, got \(rounds)") }
        if select != nil, Set(runIds).count != runIds.count {
            throw ValidationError("--select chooses the counts itself: list each candidate id once")
        }
    }

    func run() throws {
        let store = try location.openForReading()
        let selection = RunSelection(sweep: sweep, runIds: runIds, filter: filter)
        let matched = try reportingErrors { try selection.records(in: store).completed }
        // One entry per run, counted as often as its id was listed (once when selected otherwise).
        var records: [RunRecord] = []
        for record in matched.sorted(by: { $0.id < $1.id }) where records.last?.id != record.id { records.append(record) }
        var counts = records.map { record in max(1, runIds.filter { $0 == record.id }.count) }
        // Runs whose splits differ only in the fold are a cross-validation: one ensemble per
        // fold, then the mean over folds. Any other difference is refused (by `evaluate`).
        let folds = Set(records.map { $0.split.removing("fold").canonical }).count == 1
            && Set(records.map(\.splitFingerprint)).count > 1
        if folds, counts.contains(where: { $0 > 1 }) {
            Console.error("error: an id listed twice weights one split's mean; these runs span \(Set(records.map(\.splitFingerprint)).count) folds")
            throw ExitCode(1)
        }
        // `--clip` clips the mean; without it the runs' own `evaluation.clip` decides.
        let clipping: Bool? = clip ? true : nil
        var chosen: EnsembleSelection?
        if select != nil {
            if folds {
                Console.error("error: --select chooses on one validation part; these runs span \(Set(records.map(\.splitFingerprint)).count) folds: select per fold with --where")
                throw ExitCode(1)
            }
            let picked = try reportingErrors { try EnsembleSelection.greedy(records, rounds: rounds, store: store, dataPath: data, clip: clipping) }
            let members = Set(picked.members)
            records = records.filter { members.contains($0.id) }
            counts = picked.counts
            chosen = picked
        }
        let perFold = try reportingErrors {
            if let chosen { return [chosen.ensemble] }
            return folds ? try SeedEnsemble.evaluatePerSplit(records, store: store, dataPath: data, clip: clipping)
                : [try SeedEnsemble.evaluate(records, counts: counts, store: store, dataPath: data, clip: clipping)]
        }
        let ensemble = SeedEnsemble.meanOverSplits(perFold)
        let title = chosen.map { "\(selection): greedy selection on validation, \(records.count) of \($0.candidates.count) runs, \($0.kept) picks" }
            ?? "\(selection): mean prediction of \(records.count) runs"
        var table = Table(
            title: title,
            columns: [
                TableColumn("run", alignment: .right), TableColumn("model", alignment: .left), TableColumn("seed", alignment: .right),
                TableColumn("count", alignment: .right),
                TableColumn("valid_rmse", numbers: .fixed(4)), TableColumn("test_rmse", numbers: .fixed(4)),
                TableColumn("test_mae", numbers: .fixed(4)),
            ],
            underlinesHeader: true)
        for (record, count) in zip(records, counts) {
            let kind = record.config.value(atPath: "model.kind")?.stringValue ?? "-"
            table.append([
                .integer(Int(record.id)), .text(kind), .integer(Int(record.seed)), .integer(count),
                .number(record.bestMetrics["valid_rmse"]), .number(record.testMetrics?["rmse"]), .number(record.testMetrics?["mae"]),
            ])
        }
        let memberTests = records.compactMap { $0.testMetrics?["rmse"] }
        let memberMean = memberTests.isEmpty ? nil : memberTests.reduce(0, +) / Double(memberTests.count)
        table.append([.text("mean"), .text("of the runs"), .missing, .missing, .missing, .number(memberMean), .missing])
        if perFold.count > 1 {
            for part in perFold {
                let split = records.first { $0.id == part.runIds.first }?.split["fold"]
                let fold = split?.stringValue ?? split?.canonical ?? "-"
                table.append([
                    .text("fold \(fold)"), .text("mean prediction"), .missing, .missing,
                    .number(part.valid["rmse"]), .number(part.test?["rmse"]), .number(part.test?["mae"]),
                ])
            }
        }
        table.append([
            .text("ensemble"), .text(perFold.count > 1 ? "mean over \(perFold.count) folds" : "mean prediction"), .missing,
            .integer(counts.reduce(0, +)),
            .number(ensemble.valid["rmse"]), .number(ensemble.test?["rmse"]), .number(ensemble.test?["mae"]),
        ])
        var facts: [(String, JSONValue)] = [
            ("runs", .array(ensemble.runIds.map { .int($0) })),
            ("counts", .array(ensemble.counts.map { .int(Int64($0)) })),
            ("folds", .int(Int64(perFold.count))),
            ("clipped", .bool(ensemble.clipped)),
            ("valid", .object(ensemble.valid.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) })),
            ("test", ensemble.test.map { .object($0.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) }) } ?? .null),
        ]
        if let chosen {
            let listed = zip(chosen.members, chosen.counts).flatMap { [String](repeating: String($0), count: $1) }
            table.remarks.append(
                "Chosen on validation (test only reported): \(chosen.kept) of \(chosen.path.count) rounds kept; validation RMSE by round "
                    + chosen.path.map { NumberText.fixed($0, decimals: 4) }.joined(separator: ", ") + ".")
            table.remarks.append("The same ensemble again: cflab ensemble \(listed.joined(separator: " ")); refit a member with cflab refit --run ID.")
            facts.append(("selection", .object([
                ("method", .string("greedy")), ("candidates", .array(chosen.candidates.map { .int($0) })),
                ("rounds", .int(Int64(chosen.path.count))), ("kept", .int(Int64(chosen.kept))),
                ("picks", .array(chosen.picks.map { .int($0) })), ("path", .array(chosen.path.map { .double($0) })),
            ])))
        } else {
            table.remarks.append("The ensemble averages the members' predictions (each under its own cold-start rule); it is shown, never ranked.")
        }
        if ensemble.clipped {
            table.remarks.append("The mean prediction is clipped to the data's rating range\(clip ? " (--clip)" : " (the runs' evaluation.clip)").")
        }
        table.facts = .object(facts)
        let style = format.format
        Console.styled(TableRenderer(format: style).render(table))
    }
}
