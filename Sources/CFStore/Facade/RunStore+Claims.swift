import Foundation
import CFCore
import GRDB

extension RunStore {
    /// Claims one trial of a sweep for this process, in one `IMMEDIATE` transaction.
    ///
    /// `trial_claims` holds one row per (sweep, trial key) pointing at the trial's current
    /// run. With no row, or when the current run was interrupted (or is `running` but its
    /// owner is gone, which is first marked `interrupted`), a new attempt is inserted as
    /// `running` and the claim row is pointed at it. An owner is gone when it ran on this
    /// host and its `OwnerLock` is free, or when its heartbeat is older than
    /// `policy.staleAfter`. Completed, diverged, superseded and pruned trials are skipped
    /// unless `policy.rerun`; failed ones unless `policy.retryFailed` (or `rerun`). A live
    /// run answers `.busy`.
    public func claimTrial(sweep: String, trialKey: String, newRun: NewRun, policy: ClaimPolicy = ClaimPolicy()) throws -> ClaimResult {
        let now = Date()
        return try write { db in
            let current = try Row.fetchOne(db, sql: """
                SELECT r.id, r.status, r.heartbeat_at, r.owner, r.pid, r.host FROM trial_claims c JOIN runs r ON r.id = c.run_id
                WHERE c.sweep = ? AND c.trial_key = ?
                """, arguments: [sweep, trialKey])
            if let current {
                let runId: Int64 = current["id"]
                let statusText: String = current["status"]
                let status = RunStatus(rawValue: statusText) ?? .interrupted
                switch status {
                case .completed, .diverged, .superseded, .pruned:
                    if !policy.rerun { return .skippedCompleted(runId: runId) }
                case .failed:
                    if !(policy.retryFailed || policy.rerun) { return .skippedFailed(runId: runId) }
                case .pending, .running:
                    if try reclaimIfOwnerIsGone(current, at: now, in: db) { break }
                    let cutoff = StoreClock.timestamp(now.addingTimeInterval(-policy.staleAfter))
                    let heartbeat: String? = current["heartbeat_at"]
                    if let heartbeat, heartbeat >= cutoff { return .busy(runId: runId) }
                    try interrupt([runId], reason: "heartbeat stale; reclaimed", at: now, in: db)
                case .interrupted:
                    break
                }
            }
            let runId = try insertRun(newRun, sweep: sweep, trialKey: trialKey, at: now, in: db)
            try db.execute(sql: """
                INSERT INTO trial_claims (sweep, trial_key, run_id, claimed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (sweep, trial_key) DO UPDATE SET run_id = excluded.run_id, claimed_at = excluded.claimed_at
                """, arguments: [sweep, trialKey, runId, StoreClock.timestamp(now)])
            return .claimed(runId: runId)
        }
    }

    /// Records a run that no trial claim guards (a reproduction, an ad-hoc run), as `running`.
    public func startRun(_ newRun: NewRun, sweep: String = "", trialKey: String? = nil) throws -> Int64 {
        let now = Date()
        return try write { db in try insertRun(newRun, sweep: sweep, trialKey: trialKey, at: now, in: db) }
    }

    /// Inserts a `running` run owned by this instance, its tags and its config leaves.
    func insertRun(_ run: NewRun, sweep: String, trialKey: String?, at date: Date, in db: Database) throws -> Int64 {
        // Taken before the row exists, so that no probe ever sees this owner's run without its lock.
        ownerLock?.acquire()
        var attempt = 1
        if let trialKey {
            let previous = try Int.fetchOne(db, sql: "SELECT MAX(attempt) FROM runs WHERE sweep = ? AND trial_key = ?", arguments: [sweep, trialKey])
            attempt = (previous ?? 0) + 1
        }
        let now = StoreClock.timestamp(date)
        let columns: [(RunColumn, (any DatabaseValueConvertible)?)] = [
            (.sweep, sweep), (.trialKey, trialKey), (.attempt, attempt), (.name, run.name),
            (.config, run.config.canonical), (.seed, run.seed), (.streamSeeds, run.streamSeeds.canonical),
            (.dataSource, run.dataSource), (.dataName, run.dataName), (.dataPath, run.dataPath),
            (.dataFingerprint, run.dataFingerprint), (.split, run.split.canonical),
            (.splitFingerprint, run.splitFingerprint), (.buildId, run.buildId), (.build, run.build.canonical),
            (.operatingSystem, run.operatingSystem), (.cpuModel, run.cpuModel), (.threads, run.threads),
            (.status, RunStatus.running.rawValue), (.createdAt, now), (.startedAt, now), (.heartbeatAt, now),
            (.reproducesRunId, run.reproducesRunId), (.owner, owner.token), (.processId, owner.processId), (.host, owner.host),
            (.semantics, run.semantics),
        ]
        let names = columns.map(\.0.rawValue).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO runs (\(names)) VALUES (\(marks))", arguments: StatementArguments(columns.map(\.1)))
        let runId = db.lastInsertedRowID
        try ConfigLeaves.insert(run.config, runId: runId, in: db)
        for tag in Set(run.tags) {
            try db.execute(sql: "INSERT INTO run_tags (run_id, tag) VALUES (?, ?)", arguments: [runId, tag])
        }
        return runId
    }

    /// Marks active runs among `runIds` as interrupted, ending them at `date`.
    func interrupt(_ runIds: [Int64], reason: String?, at date: Date, in db: Database) throws {
        let now = StoreClock.timestamp(date)
        for runId in runIds {
            try db.execute(sql: """
                UPDATE runs SET status = 'interrupted', ended_at = ?, error = COALESCE(?, error),
                    duration_seconds = (julianday(?) - julianday(started_at)) * 86400.0
                WHERE id = ? AND status IN ('pending', 'running')
                """, arguments: [now, reason, now, runId])
        }
    }
}
