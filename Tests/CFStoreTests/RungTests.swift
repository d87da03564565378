@testable import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

/// The `pruned` status and the `rungs` table, and `v5-rungs` applied to an older store.
final class RungTests: XCTestCase {
    private let time = "2025-01-31T12:00:00.000Z"

    func testAStoreFromBeforeRungsMigratesKeepingItsRuns() throws {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v4-checksums")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO runs (sweep, trial_key, name, config_json, seed, status, created_at, best_metrics)
                VALUES ('s', 'k', 'old', '{}', 7, 'completed', '\(time)', '{"valid_rmse":0.9}');
                INSERT INTO trial_claims (sweep, trial_key, run_id, claimed_at) VALUES ('s', 'k', 1, '\(time)');
                INSERT INTO epochs (run_id, epoch, recorded_at, metrics) VALUES (1, 1, '\(time)', '{"valid_rmse":0.9}');
                """)
        }
        try queue.close()

        XCTAssertEqual(try RunStore(path: path, readOnly: true).rungDecisions(sweep: "s"), [], "a reader reads it as it is")
        XCTAssertEqual(try RunStore.migrate(path: path), ["v5-rungs"])
        let store = try RunStore(path: path)
        XCTAssertEqual(try store.runs().map(\.status), [.completed])
        let current = try XCTUnwrap(try store.currentTrialRun(sweep: "s", trialKey: "k"))
        XCTAssertEqual(current.run.id, 1)
        XCTAssertEqual(current.epochs.map(\.metrics), [["valid_rmse": 0.9]])
        XCTAssertNil(try store.currentTrialRun(sweep: "s", trialKey: "other"))

        let decision = RungDecision(sweep: "s", trialKey: "k", rung: 0, epoch: 1, value: 0.9, promoted: false,
                                    rank: 3, competitors: 3, runId: 1)
        try store.recordRungDecision(decision)
        var second = decision
        second.promoted = true
        try store.recordRungDecision(second)
        XCTAssertEqual(try store.rungDecisions(sweep: "s"), [decision], "the first decision stays")
        XCTAssertTrue(try store.check().isHealthy)
    }

    func testAPrunedRunEndsLikeACompletedOneAndItsTrialIsSkipped() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        guard case let .claimed(runId) = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()) else {
            return XCTFail("not claimed")
        }
        try store.appendEpoch(runId: runId, epoch: 1, metrics: ["valid_rmse": 1.1])
        try store.finishRun(runId: runId, outcome: RunOutcome(
            status: .pruned, error: "pruned at epoch 1", bestEpoch: 1, bestMetrics: ["valid_rmse": 1.1], finalMetrics: ["valid_rmse": 1.1]))
        let record = try store.run(id: runId)
        XCTAssertEqual(record.status, .pruned)
        XCTAssertEqual(record.error, "pruned at epoch 1")
        XCTAssertTrue(record.status.isFinished)
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .skippedCompleted(runId: runId))
        XCTAssertEqual(try store.runs(matching: RunQuery(filter: try WhereFilter(parsing: "status = pruned"))).map(\.id), [runId])
    }
}
