@testable import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class ExactlyOnceTests: XCTestCase {
    private let time = "2025-01-31T12:00:00.000Z"

    func testTheSchemaRefusesASecondCompletedAttemptOfASweepTrial() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let first = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.finishRun(runId: first, outcome: SampleRuns.completed(validRMSE: 0.9))
        let queue = try DatabaseQueue(path: path)
        func insert(sweep: String, trialKey: String?, attempt: Int, status: String) throws {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (sweep, trial_key, attempt, config_json, status, created_at) VALUES (?, ?, ?, '{}', ?, ?)
                    """, arguments: [sweep, trialKey, attempt, status, time])
            }
        }
        XCTAssertThrowsError(try insert(sweep: "s", trialKey: "k", attempt: 2, status: "completed")) { error in
            XCTAssertEqual((error as? DatabaseError)?.resultCode, .SQLITE_CONSTRAINT, "\(error)")
        }
        XCTAssertThrowsError(try insert(sweep: "s", trialKey: "k", attempt: 2, status: "finished"))
        // Other statuses, reproductions and ad-hoc runs are outside the rule.
        try insert(sweep: "s", trialKey: "k", attempt: 2, status: "superseded")
        try insert(sweep: "s", trialKey: "k", attempt: 3, status: "pruned")
        try insert(sweep: "", trialKey: "k", attempt: 1, status: "completed")
        try insert(sweep: "", trialKey: "k", attempt: 2, status: "completed")
        try insert(sweep: "s", trialKey: nil, attempt: 1, status: "completed")
        try insert(sweep: "s", trialKey: nil, attempt: 1, status: "completed")
        try queue.close()
    }

    func testARerunSupersedesTheEarlierCompletedAttempt() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let first = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.finishRun(runId: first, outcome: SampleRuns.completed(validRMSE: 0.9))
        let second = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun(), policy: ClaimPolicy(rerun: true)).runId
        try store.finishRun(runId: second, outcome: SampleRuns.completed(validRMSE: 0.8))
        let old = try store.run(id: first), new = try store.run(id: second)
        XCTAssertEqual(old.status, .superseded)
        XCTAssertEqual(old.error, "superseded by run \(second), a later attempt of the same trial")
        XCTAssertEqual(old.bestMetrics["valid_rmse"], 0.9, "a superseded attempt keeps its result")
        XCTAssertEqual(new.status, .completed)
        XCTAssertTrue(new.isCurrent)
        XCTAssertEqual(try store.runs(matching: RunQuery(sweep: "s", statuses: [.completed])).map(\.id), [second])
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .skippedCompleted(runId: second))
    }

    func testAnUnclaimedRunOfACompletedTrialIsStoredAsSuperseded() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let claimed = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        let unclaimed = try store.startRun(SampleRuns.newRun(), sweep: "s", trialKey: "k")
        try store.finishRun(runId: claimed, outcome: SampleRuns.completed(validRMSE: 0.9))
        try store.finishRun(runId: unclaimed, outcome: SampleRuns.completed(validRMSE: 0.7))
        XCTAssertEqual(try store.run(id: claimed).status, .completed)
        let late = try store.run(id: unclaimed)
        XCTAssertEqual(late.status, .superseded)
        XCTAssertEqual(late.error, "superseded: run \(claimed) completed this trial")
        // A reproduction records the trial key outside any sweep, and completes as often as it runs.
        let reproduction = try store.startRun(SampleRuns.newRun(), trialKey: "k")
        try store.finishRun(runId: reproduction, outcome: SampleRuns.completed(validRMSE: 0.9))
        XCTAssertEqual(try store.run(id: reproduction).status, .completed)
    }

    func testTheMigrationKeepsTheFirstOfDuplicateCompletedAttempts() throws {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v3-semantics")
        try queue.write { db in
            let rows: [(String, String?, Int, String)] = [
                ("s", "k", 1, "completed"), ("s", "k", 2, "completed"), ("s", "k", 3, "completed"),
                ("s", "j", 1, "completed"), ("", "k", 1, "completed"), ("", "k", 2, "completed"), ("s", "gone", 1, "failed"),
            ]
            for (sweep, trialKey, attempt, status) in rows {
                try db.execute(sql: """
                    INSERT INTO runs (sweep, trial_key, attempt, config_json, seed, status, created_at, best_metrics)
                    VALUES (?, ?, ?, '{}', 1, ?, ?, '{"valid_rmse":0.9}')
                    """, arguments: [sweep, trialKey, attempt, status, time])
            }
            try db.execute(sql: """
                UPDATE runs SET reproduces_run_id = 2 WHERE id = 6;
                INSERT INTO epochs (run_id, epoch, recorded_at, metrics) VALUES (3, 1, '\(time)', '{"valid_rmse":0.9}');
                INSERT INTO run_tags (run_id, tag) VALUES (2, 'kept');
                INSERT INTO run_params (run_id, key, value, type) VALUES (1, 'model.kind', 'dot', 'text');
                INSERT INTO trial_claims (sweep, trial_key, run_id, claimed_at) VALUES ('s', 'k', 3, '\(time)'), ('s', 'j', 4, '\(time)');
                INSERT INTO sweeps (name, created_at, swept_keys, spec, view_name) VALUES ('s', '\(time)', '["model.kind"]', '{}', 'sweep_s');
                DELETE FROM runs WHERE id = 7;
                """)
            try db.execute(sql: RunStore.wideViewSQL(viewName: "sweep_s", sweep: "s", keys: ["model.kind"]))
        }
        try queue.close()

        let store = try RunStore(path: path)
        XCTAssertEqual(try store.appliedMigrations().suffix(3), ["v4-exactly-once", "v4-checksums", "v5-rungs"])
        let runs = try store.runs(matching: RunQuery())
        XCTAssertEqual(runs.map(\.status), [.completed, .superseded, .superseded, .completed, .completed, .completed])
        XCTAssertEqual(runs[1].error, "superseded: run 1 completed this trial first")
        XCTAssertEqual(runs[1].bestMetrics["valid_rmse"], 0.9)
        XCTAssertEqual(runs.filter(\.isCurrent).map(\.id), [1, 4], "the claim moves to the attempt kept")
        XCTAssertEqual(runs[1].tags, ["kept"])
        XCTAssertEqual(runs[5].reproducesRunId, 2)
        XCTAssertEqual(try store.epochs(runId: 3).count, 1, "dropping the old table cascaded nothing")
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .skippedCompleted(runId: 1))
        XCTAssertEqual(try store.startRun(SampleRuns.newRun()), 8, "ids are never reused")

        let check = try DatabaseQueue(path: path)
        try check.read { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), [])
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT status FROM sweep_s ORDER BY run_id"), ["completed", "superseded", "superseded", "completed"])
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT model_kind FROM run_summary WHERE id = 1"), "dot")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM epoch_metrics"), 1)
            XCTAssertTrue(try db.indexes(on: "runs").contains { $0.name == "runs_completed_once" && $0.isUnique })
            XCTAssertEqual(Set(try db.indexes(on: "runs").map(\.name)).isSuperset(of: ["runs_by_sweep", "runs_by_status"]), true)
        }
        try check.close()
    }
}
