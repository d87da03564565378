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
/// trained on one split, so their mean is scored on the very ratings each was. Every
/// member is listed with its own metrics, then the mean of their test RMSEs and the ensemble.
struct EnsembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Score the mean prediction of selected runs of one split (any models): validation and test RMSE and MAE.",
        discussion: """
        Select completed runs with ids, --sweep or --where (they combine, as in compare). \
        Each needs kept parameters (training.keep best or final) and the data, found by its \
        fingerprint as reproduce finds it (--data first). Runs of different splits are \
        refused, unless they differ only in the fold: then each fold's runs are averaged and \
        the folds' figures are averaged. The ensemble is shown, never used to choose: pick \
        its members on validation.
        """
    )

    @Argument(help: "Run ids to average.")
    var runIds: [Int64] = []

    @Option(help: ArgumentHelp("Average the completed runs of this sweep.", valueName: "name"))
    var sweep: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("Only runs matching this filter (see docs/store.md).", valueName: "filter"))
    var filter: String?

    @Option(help: ArgumentHelp("Where the runs' data is now (tried first).", valueName: "path"))
    var data: String?

    @Option(help: "Output format: table, markdown, csv, json or latex.")
    var format = FormatChoice<TableFormats>(.aligned)

    @OptionGroup var location: StoreLocation

    func validate() throws {
        guard !runIds.isEmpty || sweep != nil || filter != nil else {
            throw ValidationError("select the runs to average: run ids, --sweep or --where")
        }
    }

    func run() throws {
        let store = try location.openForReading()
        let selection = RunSelection(sweep: sweep, runIds: runIds, filter: filter)
        let records = try reportingErrors { try selection.records(in: store).completed.sorted { $0.id < $1.id } }
        // Runs whose splits differ only in the fold are a cross-validation: one ensemble per
        // fold, then the mean over folds. Any other difference is refused (by `evaluate`).
        let folds = Set(records.map { $0.split.removing("fold").canonical }).count == 1
            && Set(records.map(\.splitFingerprint)).count > 1
        let perFold = try reportingErrors {
            folds ? try SeedEnsemble.evaluatePerSplit(records, store: store, dataPath: data)
                : [try SeedEnsemble.evaluate(records, store: store, dataPath: data)]
        }
        let ensemble = SeedEnsemble.meanOverSplits(perFold)
        var table = Table(
            title: "\(selection): mean prediction of \(records.count) runs",
            columns: [
                TableColumn("run", alignment: .right), TableColumn("model", alignment: .left), TableColumn("seed", alignment: .right),
                TableColumn("valid_rmse", numbers: .fixed(4)), TableColumn("test_rmse", numbers: .fixed(4)),
                TableColumn("test_mae", numbers: .fixed(4)),
            ],
            underlinesHeader: true)
        for record in records {
            let kind = record.config.value(atPath: "model.kind")?.stringValue ?? "-"
            table.append([
                .integer(Int(record.id)), .text(kind), .integer(Int(record.seed)),
                .number(record.bestMetrics["valid_rmse"]), .number(record.testMetrics?["rmse"]), .number(record.testMetrics?["mae"]),
            ])
        }
        let memberTests = records.compactMap { $0.testMetrics?["rmse"] }
        let memberMean = memberTests.isEmpty ? nil : memberTests.reduce(0, +) / Double(memberTests.count)
        table.append([.text("mean"), .text("of the runs"), .missing, .missing, .number(memberMean), .missing])
        if perFold.count > 1 {
            for part in perFold {
                let split = records.first { $0.id == part.runIds.first }?.split["fold"]
                let fold = split?.stringValue ?? split?.canonical ?? "-"
                table.append([
                    .text("fold \(fold)"), .text("mean prediction"), .missing,
                    .number(part.valid["rmse"]), .number(part.test?["rmse"]), .number(part.test?["mae"]),
                ])
            }
        }
        table.append([
            .text("ensemble"), .text(perFold.count > 1 ? "mean over \(perFold.count) folds" : "mean prediction"), .missing,
            .number(ensemble.valid["rmse"]), .number(ensemble.test?["rmse"]), .number(ensemble.test?["mae"]),
        ])
        table.remarks.append("The ensemble averages the members' predictions (each under its own cold-start rule and clipping); it is shown, never ranked.")
        table.facts = .object([
            ("runs", .array(ensemble.runIds.map { .int($0) })),
            ("folds", .int(Int64(perFold.count))),
            ("valid", .object(ensemble.valid.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) })),
            ("test", ensemble.test.map { .object($0.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) }) } ?? .null),
        ])
        let style = format.format
        Console.styled(TableRenderer(format: style).render(table))
    }
}

