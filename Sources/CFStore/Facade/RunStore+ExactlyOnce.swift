import GRDB

extension RunStore {
    /// Keeps one `completed` attempt per sweep trial as run `runId` completes; returns the
    /// note to store when `runId` itself must be `superseded` instead.
    ///
    /// The unique index `runs_completed_once` enforces the rule; this decides which
    /// attempt yields. When `runId` is the trial's current claim (a `--rerun`), it is the
    /// result that counts now, and the earlier completed attempt becomes `superseded`.
    /// When it is not (a run started for the trial without a claim), the trial's completed
    /// attempt stays, and `runId` is the one superseded. Runs outside a sweep, or without
    /// a trial key (reproductions, ad-hoc runs), are outside the rule: nil.
    func settleCompletion(of runId: Int64, in db: Database) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT sweep, trial_key FROM runs WHERE id = ?", arguments: [runId]),
              let sweep: String = row["sweep"], !sweep.isEmpty, let trialKey: String = row["trial_key"] else { return nil }
        let isCurrent = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM trial_claims WHERE sweep = ? AND trial_key = ? AND run_id = ?)
            """, arguments: [sweep, trialKey, runId]) ?? false
        if isCurrent {
            try db.execute(sql: """
                UPDATE runs SET status = 'superseded', error = COALESCE(error, ?)
                WHERE sweep = ? AND trial_key = ? AND status = 'completed' AND id <> ?
                """, arguments: ["superseded by run \(runId), a later attempt of the same trial", sweep, trialKey, runId])
            return nil
        }
        let completed = try Int64.fetchOne(db, sql: """
            SELECT MIN(id) FROM runs WHERE sweep = ? AND trial_key = ? AND status = 'completed' AND id <> ?
            """, arguments: [sweep, trialKey, runId])
        return completed.map { "superseded: run \($0) completed this trial" }
    }
}
