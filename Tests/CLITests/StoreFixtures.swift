import CFStore
import Foundation
import XCTest

/// Experiment files, stores and background processes shared by the run-store CLI tests.
enum StoreFixtures {
    /// A sweep of 6 trials (3 points x 2 seeds) on tiny synthetic data, 2 epochs each.
    static let tinySweep = """
    version: 1
    name: tiny-sweep
    seed: 5
    data:
      source: synthetic
      synthetic: {users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}
    split: {kind: random, valid: 0.2}
    model: {kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5], dropout: 0.0}
    optimizer: {kind: adamw, lr: 1.0e-2, weight_decay: 0.01}
    training: {epochs: 2, batch_size: 64}
    sweep:
      parameters:
        model.kind: [dot, dot_bias]
        model.dropout: [0.0, 0.3]
      seeds: [1, 2]
    """

    /// A single run slow enough (debug build: about a second per epoch, 4 epochs) to be killed mid-training.
    static let slowRun = """
    version: 1
    name: slow
    seed: 9
    data:
      source: synthetic
      synthetic: {users: 2000, items: 1000, ratings: 150000, rank: 4, noise: 0.3, seed: 3}
    split: {kind: random, valid: 0.2}
    model: {kind: dot_bias, embedding_dim: 16, y_range: [0.0, 5.5]}
    optimizer: {kind: adamw, lr: 1.0e-2, weight_decay: 0.01}
    training: {epochs: 4, batch_size: 64}
    """

    static func write(_ text: String, named name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Starts `cflab` in the background; the caller waits or signals it.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until `condition` holds, polling; fails the test after `timeout` seconds.
    static func waitUntil(timeout: TimeInterval = 60, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("condition not met within \(timeout) s")
    }

    /// Epochs recorded so far for the first run in the store (0 when there is none).
    static func recordedEpochs(store path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let store = try RunStore(path: path, readOnly: true)
        guard let run = try store.runs().first else { return 0 }
        return try store.epochs(runId: run.id).count
    }

    /// The reproducible metrics of every epoch of every current run, by trial key, as canonical text.
    static func metricsByTrial(store path: String) throws -> [String: [String]] {
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
