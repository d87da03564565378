import GRDB

/// The store's named migrations, in order. Names are only ever appended: a released
/// migration is never edited, and a change to the schema is a new migration.
enum StoreSchema {
    /// The migrator with every migration this build knows.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs", migrate: createRuns)
        migrator.registerMigration("v1-epochs", migrate: createEpochs)
        migrator.registerMigration("v1-artifacts", migrate: createArtifacts)
        migrator.registerMigration("v1-views", migrate: createViews)
        migrator.registerMigration("v2-rated-pairs", migrate: createRatedPairs)
        migrator.registerMigration("v3-semantics", migrate: addSemantics)
        migrator.registerMigration("v4-exactly-once", foreignKeyChecks: .deferred, migrate: enforceExactlyOnce)
        migrator.registerMigration("v4-checksums", migrate: addChecksums)
        migrator.registerMigration("v5-rungs", migrate: createRungs)
        return migrator
    }

    /// Sweeps, runs, their parameters and tags, and the claims that make trials unique.
    static func createRuns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sweeps (
                name TEXT PRIMARY KEY NOT NULL,
                created_at TEXT NOT NULL,
                swept_keys TEXT NOT NULL DEFAULT '[]',
                spec TEXT NOT NULL DEFAULT '{}',
                view_name TEXT NOT NULL UNIQUE
            );
            CREATE TABLE runs (
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
                    CHECK (status IN ('pending','running','completed','failed','diverged','interrupted')),
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
                UNIQUE (sweep, trial_key, attempt)
            );
            CREATE INDEX runs_by_sweep ON runs(sweep, status);
            CREATE INDEX runs_by_status ON runs(status, heartbeat_at);
            CREATE TABLE trial_claims (
                sweep TEXT NOT NULL,
                trial_key TEXT NOT NULL,
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                claimed_at TEXT NOT NULL,
                PRIMARY KEY (sweep, trial_key)
            );
            CREATE INDEX trial_claims_by_run ON trial_claims(run_id);
            CREATE TABLE run_params (
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value,
                type TEXT NOT NULL CHECK (type IN ('int','real','text','bool','null','json')),
                PRIMARY KEY (run_id, key)
            ) WITHOUT ROWID;
            CREATE INDEX run_params_by_key ON run_params(key, value);
            CREATE TABLE run_tags (
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY (run_id, tag)
            ) WITHOUT ROWID;
            CREATE INDEX run_tags_by_tag ON run_tags(tag);
            """)
    }

    /// One row per finished epoch; each is committed on its own when the epoch ends.
    static func createEpochs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE epochs (
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                epoch INTEGER NOT NULL,
                recorded_at TEXT NOT NULL,
                metrics TEXT NOT NULL,
                step_trace TEXT,
                PRIMARY KEY (run_id, epoch)
            ) WITHOUT ROWID;
            """)
    }

    /// Trained parameters and the data metadata that analyses need without the raw files.
    static func createArtifacts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE parameters (
                run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                which TEXT NOT NULL CHECK (which IN ('best','final')),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                shape TEXT NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (run_id, which, name)
            );
            CREATE TABLE data_metadata (
                split_fingerprint TEXT PRIMARY KEY NOT NULL,
                data_fingerprint TEXT NOT NULL,
                created_at TEXT NOT NULL,
                user_ids TEXT NOT NULL,
                item_ids TEXT NOT NULL,
                item_titles TEXT NOT NULL,
                item_genres TEXT NOT NULL,
                user_counts BLOB NOT NULL,
                user_means BLOB NOT NULL,
                item_counts BLOB NOT NULL,
                item_means BLOB NOT NULL,
                rating_min REAL NOT NULL,
                rating_max REAL NOT NULL,
                global_mean REAL NOT NULL,
                train_count INTEGER NOT NULL
            );
            """)
    }

    /// Derived views: long per-epoch metrics and one summary row per run.
    static func createViews(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIEW epoch_metrics AS
                SELECT e.run_id AS run_id, e.epoch AS epoch, m.key AS name, m.value AS value
                FROM epochs e, json_each(e.metrics) m;
            CREATE VIEW run_summary AS
                SELECT r.id AS id, r.sweep AS sweep, r.trial_key AS trial_key, r.attempt AS attempt,
                    (c.run_id IS NOT NULL) AS is_current, r.name AS name, r.status AS status,
                    (SELECT p.value FROM run_params p WHERE p.run_id = r.id AND p.key = 'model.kind') AS model_kind,
                    r.seed AS seed, r.data_name AS data_name, r.build_id AS build_id,
                    r.started_at AS started_at, r.best_epoch AS best_epoch,
                    json_extract(r.best_metrics, '$.valid_rmse') AS best_valid_rmse,
                    json_extract(r.best_metrics, '$.valid_mae') AS valid_mae,
                    json_extract(r.final_metrics, '$.valid_rmse') AS final_valid_rmse,
                    json_extract(r.test_metrics, '$.rmse') AS test_rmse,
                    r.duration_seconds AS seconds,
                    (SELECT group_concat(t.tag, ',') FROM run_tags t WHERE t.run_id = r.id) AS tags,
                    r.error AS error
                FROM runs r
                LEFT JOIN trial_claims c ON c.run_id = r.id;
            """)
    }

    /// The (user, item) pairs each split rated, in training and outside it, for analyses.
    static func createRatedPairs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE rated_pairs (
                split_fingerprint TEXT PRIMARY KEY NOT NULL
                    REFERENCES data_metadata(split_fingerprint) ON DELETE CASCADE,
                training_counts BLOB NOT NULL,
                training_items BLOB NOT NULL,
                training_ratings BLOB NOT NULL,
                held_out_counts BLOB NOT NULL,
                held_out_items BLOB NOT NULL,
                held_out_ratings BLOB NOT NULL
            );
            """)
    }
}
