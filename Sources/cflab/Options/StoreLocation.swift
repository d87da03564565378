import ArgumentParser
import CFStore
import Foundation

/// Where the run store is: `--store PATH`, by default `results/runs.sqlite`.
///
/// Commands that only look at runs open it with `openForReading` and never change a
/// byte of it; commands that change runs of an existing store (`runs delete`, `runs tag`,
/// `reproduce`) use `openExisting`, which never creates one. Only `cflab run` creates it.
struct StoreLocation: ParsableArguments {
    /// The store `cflab run` writes when no `--store` is given.
    static let defaultPath = "results/runs.sqlite"

    @Option(help: ArgumentHelp("The run store.", valueName: "path"))
    var store: String = StoreLocation.defaultPath

    /// Opens the store read-only (never created, migrated or written), errors reported
    /// as one line and exit 1.
    func openForReading() throws -> RunStore {
        try reportingErrors { try RunStore(path: store, readOnly: true) }
    }

    /// The run `id`, looked up in a read-only store: the check a command that changes a
    /// run makes before it opens the store for writing (an unknown id exits 1 and writes
    /// nothing, not even the fold of the write-ahead log a writer's close does).
    func existingRun(_ id: Int64) throws -> RunRecord {
        let reader = try openExisting(readOnly: true)
        return try reportingErrors { try reader.run(id: id) }
    }

    /// Opens an existing store (for writing unless `readOnly`); a missing one is an error
    /// (exit 1), not created. Commands that change runs look them up read-only first, so
    /// that a request naming no run never opens the store for writing.
    @discardableResult
    func openExisting(readOnly: Bool = false) throws -> RunStore {
        guard FileManager.default.fileExists(atPath: store) else {
            Console.error("error: no run store at \(store); `cflab run` creates one, or pass --store PATH")
            throw ExitCode(1)
        }
        return try reportingErrors { try RunStore(path: store, readOnly: readOnly) }
    }
}
