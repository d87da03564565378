import CFCore
import CFStore
import Foundation

/// The run store that parsed `--where` filters run against: one per process, with one
/// finished run, so that a filter's field names are checked against a real store (config
/// keys, metrics, tags) and its SQL runs over a real row.
enum FuzzStore {
    /// The store, opened and given its run on first use, or why that failed.
    static let shared: Result<RunStore, FuzzHarnessError> = Result {
        try open(at: (try FuzzScratch.folder("store") as NSString).appendingPathComponent("runs.sqlite"))
    }.mapError { FuzzHarnessError(message: "cannot prepare the fuzz store: \($0)") }

    /// A new store at `path` holding one completed, tagged run with a small config and metrics.
    private static func open(at path: String) throws -> RunStore {
        let store = try RunStore(path: path)
        let config: JSONValue = .object([
            ("version", .int(1)), ("name", .string("fuzz")), ("seed", .int(1)),
            ("model", .object([("kind", .string("dot_bias")), ("embedding_dim", .int(32)), ("dropout", .double(0.1))])),
            ("optimizer", .object([("kind", .string("adam")), ("lr", .double(1e-3))])),
            ("split", .object([("kind", .string("random")), ("valid", .double(0.2))])),
        ])
        let runId = try store.startRun(NewRun(name: "fuzz", config: config, seed: 1, tags: ["fuzz"]), sweep: "grid")
        try store.finishRun(runId: runId, outcome: RunOutcome(
            status: .completed, bestEpoch: 1, bestMetrics: ["valid_rmse": 0.9, "train_loss": 0.5],
            finalMetrics: ["valid_rmse": 0.91], testMetrics: ["rmse": 0.92], durationSeconds: 1.5))
        return store
    }
}

/// A failure of the fuzz harness itself (a scratch file or the store could not be made).
struct FuzzHarnessError: Error, Sendable, CustomStringConvertible {
    var message: String

    var description: String { message }
}
