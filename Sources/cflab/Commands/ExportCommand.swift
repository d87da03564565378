import ArgumentParser
import CFStore
import Foundation

/// `cflab export RUN_ID --embeddings DIR`: a run's kept embeddings as CSV tables.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's item and user tables (raw ids, titles, counts, biases, embeddings) as CSV.",
        discussion: """
        Writes DIR/items.csv and DIR/users.csv (RFC 4180). Columns: dense_id, raw_id, \
        (items: title, genres), count and mean of the training ratings, bias (when the \
        model has one), then e0, e1, ... for the embedding.
        """
    )

    @Argument(help: "The run's id.")
    var runId: Int64

    @Option(help: ArgumentHelp("The folder to write items.csv and users.csv into.", valueName: "dir"))
    var embeddings: String

    @OptionGroup var location: StoreLocation

    /// The file names written; fixed, never derived from the data.
    static let itemsFile = "items.csv"
    static let usersFile = "users.csv"

    func run() throws {
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
}
