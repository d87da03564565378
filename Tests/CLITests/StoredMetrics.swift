import CFStore
import Foundation

/// What a store that `cflab` wrote holds, read back for comparison.
enum StoredMetrics {
    /// Epochs recorded so far for the first run in the store (0 when there is none).
    static func recordedEpochs(store path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let store = try RunStore(path: path, readOnly: true)
        guard let run = try store.runs().first else { return 0 }
        return try store.epochs(runId: run.id).count
    }

    /// The reproducible metrics of every epoch of every current run, by trial key, as canonical text.
    static func byTrial(store path: String) throws -> [String: [String]] {
        let store = try RunStore(path: path, readOnly: true)
        var result: [String: [String]] = [:]
        for run in try store.runs(matching: RunQuery(currentOnly: true)) {
            let epochs = try store.epochs(runId: run.id).map { epoch in
                epoch.metrics.filter { $0.key != "seconds" && $0.key != "ratings_per_second" }
                    .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.bitPattern)" }.joined(separator: ",")
            }
            result[run.trialKey ?? "-"] = epochs
        }
        return result
    }
}
