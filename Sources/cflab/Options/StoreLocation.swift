import ArgumentParser
import CFStore
import Foundation

/// Where the run store is: `--store PATH`, by default `results/runs.sqlite`.
struct StoreLocation: ParsableArguments {
    /// The store `cflab run` writes when no `--store` is given.
    static let defaultPath = "results/runs.sqlite"

    @Option(help: ArgumentHelp("The run store.", valueName: "path"))
    var store: String = StoreLocation.defaultPath

    /// Opens the store, errors reported as one line and exit 1.
    ///
    /// `existing`: the store must already exist (commands that only look at runs). It is
    /// still opened for writing when possible, so that an older store is migrated; a
    /// store that cannot be written is opened read-only.
    func open(existing: Bool = false) throws -> RunStore {
        try reportingErrors {
            guard existing else { return try RunStore(path: store) }
            guard FileManager.default.fileExists(atPath: store) else { return try RunStore(path: store, readOnly: true) }
            do {
                return try RunStore(path: store)
            } catch StoreError.notWritable {
                return try RunStore(path: store, readOnly: true)
            }
        }
    }
}
