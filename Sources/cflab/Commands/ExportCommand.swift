import ArgumentParser
import CFReport
import CFStore
import Foundation

/// `cflab export RUN_ID --embeddings DIR`: a run's kept embeddings as CSV tables;
/// `cflab export --mlflow DIR`: runs in MLflow's file-store layout.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's item and user tables as CSV, or runs in MLflow's file-store layout.",
        discussion: """
        --embeddings DIR writes DIR/items.csv and DIR/users.csv (RFC 4180). Columns: \
        dense_id, raw_id, (items: title, genres), count and mean of the training ratings, \
        bias (when the model has one), then e0, e1, ... for the embedding. \
        --mlflow DIR writes the runs (of --sweep, or RUN_ID, or all) as MLflow's file \
        store: an experiment per sweep, the config's leaves as params, every epoch's \
        metrics with the epoch as step, tags, and the config as an artifact; open it with \
        `mlflow ui --backend-store-uri DIR` (MLflow 3 also needs MLFLOW_ALLOW_FILE_STORE=true). \
        DIR is replaced whole when it holds an earlier export, and refused when it holds \
        anything else.
        """
    )

    @Argument(help: "The run's id (with --mlflow: only this run).")
    var runId: Int64?

    @Option(help: ArgumentHelp("The folder to write items.csv and users.csv into.", valueName: "dir"))
    var embeddings: String?

    @Option(help: ArgumentHelp("The folder to write runs into, in MLflow's file-store layout.", valueName: "dir"))
    var mlflow: String?

    @Option(help: ArgumentHelp("With --mlflow: only the runs of this sweep.", valueName: "name"))
    var sweep: String?

    @OptionGroup var location: StoreLocation

    /// The file names written; fixed, never derived from the data.
    static let itemsFile = "items.csv"
    static let usersFile = "users.csv"

    func validate() throws {
        switch (embeddings, mlflow) {
        case (nil, nil): throw ValidationError("pass --embeddings DIR (with a RUN_ID) or --mlflow DIR")
        case (_?, _?): throw ValidationError("--embeddings and --mlflow are separate exports: pass one")
        case (_?, nil):
            if runId == nil { throw ValidationError("--embeddings needs the RUN_ID whose embeddings to write") }
            if sweep != nil { throw ValidationError("--sweep goes with --mlflow") }
        case (nil, _?): break
        }
    }

    func run() throws {
        if let mlflow { return try exportMLflow(to: mlflow) }
        guard let embeddings, let runId else { return }
        let store = try location.openForReading()
        let model = try reportingErrors { try store.loadModel(runId: runId) }
        try reportingErrors {
            try FileManager.default.createDirectory(atPath: embeddings, withIntermediateDirectories: true)
            let folder = URL(fileURLWithPath: embeddings)
            let items = EmbeddingTable(model: model, side: .item).csv()
            let users = EmbeddingTable(model: model, side: .user).csv()
            try items.write(to: folder.appendingPathComponent(Self.itemsFile), atomically: true, encoding: .utf8)
            try users.write(to: folder.appendingPathComponent(Self.usersFile), atomically: true, encoding: .utf8)
        }
        Console.out("run \(runId) (\(model.which.rawValue) parameters): wrote \(Self.itemsFile) and \(Self.usersFile) in \(embeddings)")
    }

    func exportMLflow(to folder: String) throws {
        let store = try location.openForReading()
        let runs = try reportingErrors {
            try runId.map { [try store.run(id: $0)] } ?? store.runs(matching: RunQuery(sweep: sweep))
        }
        let summary = try reportingErrors { try MLflowExport(store: store, runs: runs).write(to: folder) }
        Console.out("wrote \(summary.runs) run\(summary.runs == 1 ? "" : "s") in \(summary.experiments) MLflow experiment"
            + "\(summary.experiments == 1 ? "" : "s") (\(summary.metricPoints) metric points) to \(folder); "
            + "open it with: MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri \(folder)")
    }
}
