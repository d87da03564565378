import GRDB

extension RunStore {
    /// Records a rung decision, unless one is already stored for that (sweep, trial, rung):
    /// decisions are deterministic, so the first writer's row is every writer's.
    public func recordRungDecision(_ decision: RungDecision) throws {
        let now = StoreClock.now()
        try write { db in
            try db.execute(sql: """
                INSERT INTO rungs (sweep, trial_key, rung, epoch, value, decision, rank, competitors, run_id, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sweep, trial_key, rung) DO NOTHING
                """, arguments: [
                    decision.sweep, decision.trialKey, decision.rung, decision.epoch,
                    decision.value.isFinite ? decision.value : nil, decision.promoted ? "promoted" : "pruned",
                    decision.rank, decision.competitors, decision.runId, now,
                ])
        }
    }

    /// The rung decisions of `sweep`, by rung then trial key; empty for a store before `v5-rungs`.
    public func rungDecisions(sweep: String) throws -> [RungDecision] {
        try read { db in
            guard try db.tableExists("rungs") else { return [] }
            return try RungDecision.fetchAll(db, sql: "SELECT * FROM rungs WHERE sweep = ? ORDER BY rung, trial_key", arguments: [sweep])
        }
    }

    /// The current run of a sweep trial (the one its claim points at) and its epochs, or
    /// nil when the trial was never claimed.
    public func currentTrialRun(sweep: String, trialKey: String) throws -> (run: RunRecord, epochs: [EpochRecord])? {
        try read { db in
            guard let record = try RunRecord.fetchOne(db, sql: RunRecord.selection + """
                 WHERE r.id = (SELECT c.run_id FROM trial_claims c WHERE c.sweep = ? AND c.trial_key = ?)
                """, arguments: [sweep, trialKey]) else { return nil }
            let epochs = try EpochRecord.fetchAll(db, sql: "SELECT * FROM epochs WHERE run_id = ? ORDER BY epoch", arguments: [record.id])
            return (record, epochs)
        }
    }
}
