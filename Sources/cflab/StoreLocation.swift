import ArgumentParser
import CFStore

/// Where the run store is: `--store PATH`, by default `results/runs.sqlite`.
struct StoreLocation: ParsableArguments {
    /// The store `cflab run` writes when no `--store` is given.
    static let defaultPath = "results/runs.sqlite"

    @Option(help: ArgumentHelp("The run store.", valueName: "path"))
    var store: String = StoreLocation.defaultPath

    /// Opens the store for reading and writing, errors reported as one line and exit 1.
    func open(readOnly: Bool = false) throws -> RunStore {
        try reportingErrors { try RunStore(path: store, readOnly: readOnly) }
    }
}
