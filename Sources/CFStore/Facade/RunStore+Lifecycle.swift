import CFCore
import Foundation
import GRDB

extension RunStore {
    /// Refreshes the heartbeat of the runs among `runIds` that this writer still owns;
    /// call it on a timer.
    ///
    /// The owned runs are refreshed in one transaction. Then, if any run is no longer this
    /// writer's, `runReclaimed` is thrown for the first of them (`unknownRun` for a
    /// deleted one), so that the caller stops that trial; the next call reports the next.
    public func heartbeat(runIds: [Int64], at date: Date = Date()) throws {
        guard !runIds.isEmpty else { return }
        let now = StoreClock.timestamp(date)
        let refused: StoreError? = try write { db in
            var first: StoreError?
            for runId in runIds {
                // A beat queued just before this process finished the run is late, not a
                // reclaim: the run is still this owner's and its trial's, only no longer running.
                if let row = try Row.fetchOne(db, sql: """
                    SELECT r.status, r.owner, EXISTS (
                        SELECT 1 FROM trial_claims c WHERE c.sweep = r.sweep AND c.trial_key = r.trial_key AND c.run_id <> r.id
                    ) AS taken FROM runs r WHERE r.id = ?
                    """, arguments: [runId]),
                   (row["owner"] as String?) == owner.token, (row["status"] as String?) != RunStatus.running.rawValue,
                   !((row["taken"] as Bool?) ?? false) {
                    continue
                }
                do {
                    try requireOwnedRunning(runId, in: db)
                } catch let error as StoreError {
                    first = first ?? error
                    continue
                }
                try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [now, runId])
            }
            return first
        }
        if let refused { throw refused }
    }

    /// Records one finished epoch (1-based) in its own transaction, and refreshes the heartbeat.
    ///
    /// Once this returns, the epoch is on disk: a SIGKILL afterwards loses nothing of it.
    /// Recording the same epoch again replaces it. Throws `runReclaimed`, writing nothing,
    /// when the run is no longer this writer's.
    public func appendEpoch(runId: Int64, epoch: Int, metrics: [String: Double], stepTrace: JSONValue? = nil) throws {
        let now = StoreClock.now()
        let metricsText = MetricsJSON.encode(metrics)
        let traceText = stepTrace?.canonical
        let checksum = RowChecksum.epoch(metrics: Data(metricsText.utf8), stepTrace: traceText.map { Data($0.utf8) })
        try write { db in
            try requireOwnedRunning(runId, in: db)
            try db.execute(sql: """
                INSERT OR REPLACE INTO epochs (run_id, epoch, recorded_at, metrics, step_trace, checksum) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [runId, epoch, now, metricsText, traceText, checksum])
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [now, runId])
        }
    }

    /// Records how a run ended: status, error, best/final/test metrics and duration.
    ///
    /// Throws `runReclaimed`, writing nothing, when the run is no longer this writer's: a
    /// reclaimed run is never marked completed. A completed sweep trial keeps the rule of
    /// one `completed` attempt per trial (see `settleCompletion`).
    public func finishRun(runId: Int64, outcome: RunOutcome) throws {
        guard !outcome.status.isActive else {
            throw StoreError.invalidArgument("finishRun needs an end status, not `\(outcome.status.rawValue)`")
        }
        let now = StoreClock.now()
        try write { db in
            try requireOwnedRunning(runId, in: db)
            var status = outcome.status
            var error = outcome.error
            if status == .completed, let note = try settleCompletion(of: runId, in: db) {
                status = .superseded
                error = error ?? note
            }
            try db.execute(sql: """
                UPDATE runs SET status = ?, error = ?, ended_at = ?, heartbeat_at = ?,
                    duration_seconds = COALESCE(?, (julianday(?) - julianday(started_at)) * 86400.0),
                    best_epoch = ?, best_metrics = ?, final_metrics = ?, test_metrics = ?
                WHERE id = ?
                """, arguments: [
                    status.rawValue, error, now, now, outcome.durationSeconds, now,
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

    /// Throws `unknownRun` when no run has `runId`.
    func requireRun(_ runId: Int64, in db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [runId]) == true else {
            throw StoreError.unknownRun(id: runId)
        }
    }
}
