import CFCore
import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class ViewTests: XCTestCase {
    func testRunSummaryHasOneRowPerRunWithItsMainMetrics() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let done = try store.claimTrial(sweep: "s", trialKey: "a", newRun: SampleRuns.newRun()).runId
        try store.finishRun(runId: done, outcome: SampleRuns.completed(validRMSE: 0.875, seconds: 12.5))
        let running = try store.claimTrial(sweep: "s", trialKey: "b", newRun: SampleRuns.newRun()).runId
        let rows = try DatabaseQueue(path: path).read { db in try Row.fetchAll(db, sql: "SELECT * FROM run_summary ORDER BY id") }
        XCTAssertEqual(rows.count, 2)
        let row = rows[0]
        XCTAssertEqual(row["id"] as Int64, done)
        XCTAssertEqual(row["status"] as String, "completed")
        XCTAssertEqual(row["model_kind"] as String, "dot_bias")
        XCTAssertEqual(row["best_epoch"] as Int, 2)
        XCTAssertEqual(row["best_valid_rmse"] as Double, 0.875)
        XCTAssertEqual(row["valid_mae"] as Double, 0.875 * 0.8)
        XCTAssertEqual(row["final_valid_rmse"] as Double, 0.885)
        XCTAssertEqual(row["test_rmse"] as Double, 0.895)
        XCTAssertEqual(row["seconds"] as Double, 12.5)
        XCTAssertEqual(row["is_current"] as Bool, true)
        XCTAssertEqual(row["tags"] as String, "fixture")
        XCTAssertEqual(rows[1]["id"] as Int64, running)
        XCTAssertNil(rows[1]["best_valid_rmse"] as Double?)
    }

    func testEpochMetricsViewIsLong() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun())
        try store.appendEpoch(runId: runId, epoch: 1, metrics: ["valid_rmse": 1.5, "train_loss": 2])
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT name, value FROM epoch_metrics WHERE run_id = ? ORDER BY name", arguments: [runId])
        }
        XCTAssertEqual(rows.map { $0["name"] as String }, ["train_loss", "valid_rmse"])
        XCTAssertEqual(rows.map { $0["value"] as Double }, [2, 1.5])
    }

    func testSweepWideViewHasOneColumnPerSweptKeyAndASanitisedName() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let name = "Sweep-Small'; DROP TABLE runs; --"
        let view = try store.registerSweep(name: name, sweptKeys: ["model.kind", "model.dropout", "optimizer.lr"], spec: .object([("method", .string("grid"))]))
        XCTAssertEqual(view, "sweep_sweep_small_drop_table_runs")
        XCTAssertEqual(try store.registerSweep(name: "sweep small drop table runs", sweptKeys: ["model.kind"], spec: .null).count, view.count + 9)
        XCTAssertEqual(try store.registerSweep(name: name, sweptKeys: ["model.kind", "model.dropout", "optimizer.lr"], spec: .null), view)
        for (kind, dropout) in [("dot", 0.0), ("nn", 0.3)] {
            let config = SampleRuns.config(kind: kind, dropout: dropout)
            let runId = try store.claimTrial(sweep: name, trialKey: config.canonicalDigest, newRun: SampleRuns.newRun(config)).runId
            try store.finishRun(runId: runId, outcome: SampleRuns.completed(validRMSE: 0.9))
        }
        _ = try store.startRun(SampleRuns.newRun(), sweep: "elsewhere")
        let rows = try DatabaseQueue(path: path).read { db -> [Row] in
            XCTAssertTrue(try db.tableExists("runs"))
            return try Row.fetchAll(db, sql: "SELECT * FROM \(view) ORDER BY run_id")
        }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(Array(rows[0].columnNames), [
            "run_id", "trial_key", "attempt", "is_current", "status", "seed", "model.kind", "model.dropout", "optimizer.lr",
            "best_epoch", "best_valid_rmse", "final_valid_rmse", "seconds",
        ])
        XCTAssertEqual(rows.map { $0["model.kind"] as String }, ["dot", "nn"])
        XCTAssertEqual(rows.map { $0["model.dropout"] as Double }, [0.0, 0.3])
        let sweeps = try store.sweeps()
        XCTAssertEqual(sweeps.first { $0.name == name }?.sweptKeys, ["model.kind", "model.dropout", "optimizer.lr"])
    }

    func testDeletingARunFreesItsTrialAndCascades() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let runId = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.appendEpoch(runId: runId, epoch: 1, metrics: ["valid_rmse": 1])
        try store.saveParameters(runId: runId, which: .best, tensors: [ParameterTensor(name: "w", shape: [1], values: [1])])
        let copy = try store.startRun({ var run = SampleRuns.newRun(); run.reproducesRunId = runId; return run }())
        XCTAssertEqual(try store.deleteRuns(ids: [runId, 12345]), 1)
        XCTAssertNil(try store.run(id: copy).reproducesRunId)
        let leftovers = try DatabaseQueue(path: path).read { db in
            try ["epochs", "parameters", "trial_claims"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        XCTAssertEqual(leftovers, [0, 0, 0])
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .claimed(runId: copy + 1))
    }
}
