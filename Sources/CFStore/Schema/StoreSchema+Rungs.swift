import GRDB

extension StoreSchema {
    /// `rungs`: the decisions of a pruned sweep, one row per (sweep, trial, rung), so that
    /// every process sharing the store sees which trials went on and which stopped.
    ///
    /// A decision is a function of the stored epochs of the trials that compete at the
    /// rung, so whichever process makes it first writes the same row; later ones keep it.
    static func createRungs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE rungs (
                sweep TEXT NOT NULL,
                trial_key TEXT NOT NULL,
                rung INTEGER NOT NULL,
                epoch INTEGER NOT NULL,
                value REAL,
                decision TEXT NOT NULL CHECK (decision IN ('promoted','pruned')),
                rank INTEGER NOT NULL,
                competitors INTEGER NOT NULL,
                run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
                decided_at TEXT NOT NULL,
                PRIMARY KEY (sweep, trial_key, rung)
            ) WITHOUT ROWID;
            """)
    }
}
