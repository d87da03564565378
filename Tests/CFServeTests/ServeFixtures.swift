import CFCore
import CFServe
import CFStore
import CFTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// A store written through `RunStore` with a hostile sweep and a plain one, and the
/// dashboard over it, opened read-only as `cflab serve` opens it.
enum ServeFixtures {
    /// A name with every character that could break HTML, an attribute or a script.
    static let hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;"
    static let plainSweep = "plain-sweep"

    /// Best validation RMSE of each trial of the plain sweep, by (kind, seed).
    static let scores: [(kind: String, seed: Int64, rmse: Double)] = [
        ("dot", 1, 0.94), ("dot", 2, 0.95), ("dot_bias", 1, 0.9123456789012345), ("dot_bias", 2, 0.93),
    ]

    /// Writes the store and returns its path: the plain sweep (4 completed, 1 running with 2
    /// epochs, 1 failed, 1 pruned), and a sweep named `hostile` whose run has hostile tags.
    static func store(_ test: XCTestCase) throws -> String {
        let (store, path) = try TemporaryStore.make(for: test)
        try store.registerSweep(name: plainSweep, sweptKeys: ["model.kind", "seed"], spec: .object([("method", .string("grid"))]))
        for score in scores {
            let id = try claim(store, sweep: plainSweep, key: "\(score.kind)-\(score.seed)", kind: score.kind, seed: score.seed)
            try record(store, runId: id, rmse: score.rmse, epochs: 3)
            try store.finishRun(runId: id, outcome: completed(score.rmse))
        }
        let running = try claim(store, sweep: plainSweep, key: "dot-3", kind: "dot", seed: 3)
        try record(store, runId: running, rmse: 0.97, epochs: 2)
        let failed = try claim(store, sweep: plainSweep, key: "dot-4", kind: "dot", seed: 4)
        try store.finishRun(runId: failed, outcome: RunOutcome(status: .failed, error: "fixture failure", durationSeconds: 0.5))
        let pruned = try claim(store, sweep: plainSweep, key: "dot_bias-3", kind: "dot_bias", seed: 3)
        try record(store, runId: pruned, rmse: 1.1, epochs: 1)
        try store.finishRun(runId: pruned, outcome: RunOutcome(
            status: .pruned, error: "pruned at epoch 1", bestEpoch: 1, bestMetrics: ["valid_rmse": 1.1], finalMetrics: ["valid_rmse": 1.1]))
        try store.registerSweep(name: hostile, sweptKeys: [], spec: .object([]))
        var evil = SampleRuns.newRun(SampleRuns.config(kind: "dot"), seed: 1, tags: [hostile])
        evil.name = hostile
        guard case let .claimed(evilId) = try store.claimTrial(sweep: hostile, trialKey: "evil", newRun: evil) else {
            throw StoreError.invalidArgument("fixture claim")
        }
        try record(store, runId: evilId, rmse: 0.99, epochs: 2)
        try store.finishRun(runId: evilId, outcome: RunOutcome(
            status: .failed, error: hostile, bestEpoch: 1, bestMetrics: ["valid_rmse": 0.99], finalMetrics: ["valid_rmse": 0.99]))
        return path
    }

    static func claim(_ store: RunStore, sweep: String, key: String, kind: String, seed: Int64) throws -> Int64 {
        var config = SampleRuns.config(kind: kind)
        config = config.setting("seed", to: .int(seed))
        guard case let .claimed(id) = try store.claimTrial(sweep: sweep, trialKey: key, newRun: SampleRuns.newRun(config, seed: seed)) else {
            throw StoreError.invalidArgument("fixture claim \(key)")
        }
        return id
    }

    /// `epochs` epochs ending at `rmse`, with a value that needs all 17 digits.
    static func record(_ store: RunStore, runId: Int64, rmse: Double, epochs: Int) throws {
        for epoch in 1...epochs {
            let valid = rmse + 0.01 * Double(epochs - epoch)
            try store.appendEpoch(runId: runId, epoch: epoch, metrics: [
                "train_rmse": valid - 0.05, "valid_rmse": valid, "train_loss": 1 / Double(epoch) + 0.1 / 3, "lr": 1e-3,
            ])
        }
    }

    static func completed(_ rmse: Double) -> RunOutcome {
        RunOutcome(status: .completed, bestEpoch: 3, bestMetrics: ["valid_rmse": rmse, "valid_mae": rmse * 0.8],
                   finalMetrics: ["valid_rmse": rmse], testMetrics: ["rmse": rmse + 0.02], durationSeconds: 1.25)
    }

    /// The dashboard over `path`, read-only.
    static func dashboard(_ path: String, settings: ServeSettings = ServeSettings()) throws -> Dashboard {
        try Dashboard(store: try RunStore(path: path, readOnly: true), settings: settings)
    }

    static func application(_ dashboard: Dashboard) -> some ApplicationProtocol {
        Application(router: dashboard.router())
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as JSON.
    func json() throws -> JSONValue { try JSONValue.parse(text) }
}
