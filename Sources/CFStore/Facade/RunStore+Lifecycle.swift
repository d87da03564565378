import CFCore
import Foundation
import GRDB

extension RunStore {
    /// Refreshes the heartbeat of the active runs among `runIds`; call it on a timer.
    public func heartbeat(runIds: [Int64], at date: Date = Date()) throws {
        guard !runIds.isEmpty else { return }
        let now = StoreClock.timestamp(date)
        try write { db in
            for runId in runIds {
                try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ? AND status IN ('pending', 'running')", arguments: [now, runId])
            }
        }
    }

    /// Records one finished epoch (1-based) in its own transaction, and refreshes the heartbeat.
    ///
    /// Once this returns, the epoch is on disk: a SIGKILL afterwards loses nothing of it.
    /// Recording the same epoch again replaces it.
    public func appendEpoch(runId: Int64, epoch: Int, metrics: [String: Double], stepTrace: JSONValue? = nil) throws {
        let now = StoreClock.now()
        try write { db in
            try requireRun(runId, in: db)
            try db.execute(sql: """
                INSERT OR REPLACE INTO epochs (run_id, epoch, recorded_at, metrics, step_trace) VALUES (?, ?, ?, ?, ?)
                """, arguments: [runId, epoch, now, MetricsJSON.encode(metrics), stepTrace?.canonical])
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ? AND status IN ('pending', 'running')", arguments: [now, runId])
        }
    }

    /// Records how a run ended: status, error, best/final/test metrics and duration.
    public func finishRun(runId: Int64, outcome: RunOutcome) throws {
        guard !outcome.status.isActive else {
            throw StoreError.invalidArgument("finishRun needs an end status, not `\(outcome.status.rawValue)`")
        }
        let now = StoreClock.now()
        try write { db in
            try requireRun(runId, in: db)
            try db.execute(sql: """
                UPDATE runs SET status = ?, error = ?, ended_at = ?, heartbeat_at = ?,
                    duration_seconds = COALESCE(?, (julianday(?) - julianday(started_at)) * 86400.0),
                    best_epoch = ?, best_metrics = ?, final_metrics = ?, test_metrics = ?
                WHERE id = ?
                """, arguments: [
                    outcome.status.rawValue, outcome.error, now, now, outcome.durationSeconds, now,
                    outcome.bestEpoch, MetricsJSON.encode(outcome.bestMetrics), MetricsJSON.encode(outcome.finalMetrics),
                    outcome.testMetrics.map(MetricsJSON.encode), runId,
                ])
        }
    }

    /// Marks the active runs among `runIds` as interrupted (Ctrl-C); finished runs are left alone.
    public func markInterrupted(runIds: [Int64], reason: String? = "interrupted") throws {
        guard !runIds.isEmpty else { return }
        let now = Date()
        try write { db in try interrupt(runIds, reason: reason, at: now, in: db) }
    }

    /// Marks every `running` run whose heartbeat is older than `seconds` as interrupted,
    /// returning their ids.
    @discardableResult
    public func reapStale(olderThan seconds: Double = ClaimPolicy.defaultStaleAfter) throws -> [Int64] {
        let now = Date()
        let cutoff = StoreClock.timestamp(now.addingTimeInterval(-seconds))
        return try write { db in
            let stale = try Int64.fetchAll(db, sql: """
                SELECT id FROM runs WHERE status IN ('pending', 'running') AND (heartbeat_at IS NULL OR heartbeat_at < ?)
                """, arguments: [cutoff])
            try interrupt(stale, reason: "heartbeat stale", at: now, in: db)
            return stale
        }
    }

    /// Adds `tag` to a run (no effect when it has it).
    public func tagRun(id runId: Int64, tag: String) throws {
        try write { db in
            try requireRun(runId, in: db)
            try db.execute(sql: "INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)", arguments: [runId, tag])
        }
    }

    /// Removes `tag` from a run.
    public func untagRun(id runId: Int64, tag: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM run_tags WHERE run_id = ? AND tag = ?", arguments: [runId, tag])
        }
    }

    /// Deletes runs with their params, tags, epochs and parameters; returns how many existed.
    ///
    /// Deleting the current run of a trial removes its claim too, so the next `cflab run`
    /// of the sweep trains the trial again. Runs that reproduced a deleted run keep their
    /// rows, with `reproduces_run_id` set to NULL.
    @discardableResult
    public func deleteRuns(ids runIds: [Int64]) throws -> Int {
        try write { db in
            var deleted = 0
            for runId in runIds {
                try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [runId])
                deleted += db.changesCount
            }
            return deleted
        }
    }

    /// Throws `unknownRun` when no run has `runId`.
    func requireRun(_ runId: Int64, in db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [runId]) == true else {
            throw StoreError.unknownRun(id: runId)
        }
    }
}
