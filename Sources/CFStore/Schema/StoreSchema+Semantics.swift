import GRDB

extension StoreSchema {
    /// `runs.semantics`, the version of the training semantics a run was trained under.
    ///
    /// Every run stored before this migration was trained under semantics 1, which the
    /// column's default records. `run_summary` is recreated with `semantics` as its last
    /// column; `v1-views` stays as released.
    static func addSemantics(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE runs ADD COLUMN semantics INTEGER NOT NULL DEFAULT 1;
            DROP VIEW run_summary;
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
                    r.error AS error, r.semantics AS semantics
                FROM runs r
                LEFT JOIN trial_claims c ON c.run_id = r.id;
            """)
    }
}
