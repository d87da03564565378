import GRDB

extension StoreSchema {
    /// Rebuilds `runs` with the statuses `superseded` and `pruned`, and makes a sweep trial
    /// hold at most one `completed` attempt, enforced by the unique index
    /// `runs_completed_once`.
    ///
    /// SQLite cannot widen a CHECK constraint in place, so this is its 12-step rebuild,
    /// run with foreign keys off (GRDB's deferred checks, verified before the commit):
    /// the views are dropped (a rename checks every view), `runs_rebuilt` is created,
    /// filled with every row, and renamed over `runs`; the indexes, triggers and views are
    /// created again from their stored SQL, and the AUTOINCREMENT counter is kept, so that
    /// run ids are still never reused. A store that already holds several completed
    /// attempts of one trial keeps the first (lowest id) as `completed`, marks the others
    /// `superseded` (deleting nothing), and points the trial's claim at the one kept.
    static func enforceExactlyOnce(_ db: Database) throws {
        let views = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid")
        let dependents = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = 'runs' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid
            """)
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'runs'") ?? 0
        for view in views {
            let name: String = view["name"]
            try db.execute(sql: "DROP VIEW \(SQLQuoting.identifier(name))")
        }
        try db.execute(sql: rebuiltRunsSQL)
        try db.execute(sql: """
            INSERT INTO runs_rebuilt (\(rebuiltRunsColumns)) SELECT \(rebuiltRunsColumns) FROM runs;
            DROP TABLE runs;
            ALTER TABLE runs_rebuilt RENAME TO runs;
            """)
        try db.execute(sql: """
            DELETE FROM sqlite_sequence WHERE name = 'runs';
            INSERT INTO sqlite_sequence (name, seq) VALUES ('runs', max(?, (SELECT COALESCE(MAX(id), 0) FROM runs)));
            """, arguments: [sequence])
        for statement in dependents {
            try db.execute(sql: statement)
        }
        try db.execute(sql: """
            UPDATE runs SET status = 'superseded',
                error = COALESCE(error, 'superseded: run ' || (
                    SELECT MIN(k.id) FROM runs k WHERE k.sweep = runs.sweep AND k.trial_key = runs.trial_key AND k.status = 'completed'
                ) || ' completed this trial first')
            WHERE status = 'completed' AND sweep <> '' AND trial_key IS NOT NULL
                AND id > (SELECT MIN(k.id) FROM runs k WHERE k.sweep = runs.sweep AND k.trial_key = runs.trial_key AND k.status = 'completed');
            UPDATE trial_claims SET run_id = (
                    SELECT MIN(k.id) FROM runs k
                    WHERE k.sweep = trial_claims.sweep AND k.trial_key = trial_claims.trial_key AND k.status = 'completed'
                )
            WHERE run_id IN (SELECT id FROM runs WHERE status = 'superseded');
            CREATE UNIQUE INDEX runs_completed_once ON runs(sweep, trial_key)
                WHERE status = 'completed' AND sweep <> '' AND trial_key IS NOT NULL;
            """)
        for view in views {
            let statement: String = view["sql"]
            try db.execute(sql: statement)
        }
    }

    /// The columns of `runs` as `v3-semantics` left them, in table order.
    private static let rebuiltRunsColumns = """
        id, sweep, trial_key, attempt, name, config_json, seed, stream_seeds, data_source, data_name, data_path,
        data_fingerprint, split_json, split_fingerprint, build_id, build_json, os, cpu_model, threads, status, error,
        created_at, started_at, ended_at, duration_seconds, heartbeat_at, best_epoch, best_metrics, final_metrics,
        test_metrics, reproduces_run_id, owner, pid, host, semantics
        """

    /// `runs` as `v1-runs` and `v3-semantics` defined it, with the wider status CHECK.
    private static let rebuiltRunsSQL = """
        CREATE TABLE runs_rebuilt (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sweep TEXT NOT NULL DEFAULT '',
            trial_key TEXT,
            attempt INTEGER NOT NULL DEFAULT 1,
            name TEXT NOT NULL DEFAULT '',
            config_json TEXT NOT NULL,
            seed INTEGER,
            stream_seeds TEXT NOT NULL DEFAULT '{}',
            data_source TEXT NOT NULL DEFAULT '',
            data_name TEXT NOT NULL DEFAULT '',
            data_path TEXT,
            data_fingerprint TEXT NOT NULL DEFAULT '',
            split_json TEXT NOT NULL DEFAULT '{}',
            split_fingerprint TEXT NOT NULL DEFAULT '',
            build_id TEXT NOT NULL DEFAULT '',
            build_json TEXT NOT NULL DEFAULT '{}',
            os TEXT NOT NULL DEFAULT '',
            cpu_model TEXT NOT NULL DEFAULT '',
            threads INTEGER NOT NULL DEFAULT 1,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending','running','completed','failed','diverged','interrupted','superseded','pruned')),
            error TEXT,
            created_at TEXT NOT NULL,
            started_at TEXT,
            ended_at TEXT,
            duration_seconds REAL,
            heartbeat_at TEXT,
            best_epoch INTEGER,
            best_metrics TEXT,
            final_metrics TEXT,
            test_metrics TEXT,
            reproduces_run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
            owner TEXT,
            pid INTEGER,
            host TEXT,
            semantics INTEGER NOT NULL DEFAULT 1,
            UNIQUE (sweep, trial_key, attempt)
        )
        """
}
