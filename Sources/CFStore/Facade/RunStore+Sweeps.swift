import CFCore
import Foundation
import GRDB

extension RunStore {
    /// Records a sweep and (re)creates its wide view, returning the view's name.
    ///
    /// The view `sweep_<name>` (the name reduced to `[a-z0-9_]`, plus a hash suffix if
    /// another sweep already reduces to it) has one row per run of the sweep and one
    /// column per swept key, read from `run_params`. SQLite allows no bound parameters in
    /// a view, so keys and the sweep name are written as quoted literals and identifiers.
    @discardableResult
    public func registerSweep(name: String, sweptKeys: [String], spec: JSONValue) throws -> String {
        let now = StoreClock.now()
        let keysJSON = JSONValue.array(sweptKeys.map(JSONValue.string)).canonical
        return try write { db in
            var viewName = try String.fetchOne(db, sql: "SELECT view_name FROM sweeps WHERE name = ?", arguments: [name])
            if viewName == nil {
                var candidate = "sweep_" + SQLQuoting.sanitized(name)
                let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sweeps WHERE view_name = ?)", arguments: [candidate])
                let exists = try db.viewExists(candidate) || db.tableExists(candidate)
                if taken == true || exists {
                    candidate += "_" + Digest.sha256Hex(name).prefix(8)
                }
                viewName = candidate
            }
            guard let viewName else { throw StoreError.invalidArgument("sweep `\(name)` has no view name") }
            try db.execute(sql: """
                INSERT INTO sweeps (name, created_at, swept_keys, spec, view_name) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET swept_keys = excluded.swept_keys, spec = excluded.spec
                """, arguments: [name, now, keysJSON, spec.canonical, viewName])
            try db.execute(sql: "DROP VIEW IF EXISTS \(SQLQuoting.identifier(viewName))")
            try db.execute(sql: Self.wideViewSQL(viewName: viewName, sweep: name, keys: sweptKeys))
            return viewName
        }
    }

    /// The sweeps in the store, by name.
    public func sweeps() throws -> [SweepRecord] {
        try read { db in try SweepRecord.fetchAll(db, sql: "SELECT * FROM sweeps ORDER BY name") }
    }

    /// The `CREATE VIEW` statement of a sweep's wide view.
    static func wideViewSQL(viewName: String, sweep: String, keys: [String]) -> String {
        let fixed = ["run_id", "trial_key", "attempt", "is_current", "status", "seed",
                     "best_epoch", "best_valid_rmse", "final_valid_rmse", "seconds"]
        var used = Set(fixed)
        var keyColumns: [String] = []
        for key in keys {
            var column = key
            while used.contains(column) { column = "param:" + column }
            used.insert(column)
            keyColumns.append(
                "(SELECT p.value FROM run_params p WHERE p.run_id = r.id AND p.key = \(SQLQuoting.literal(key))) AS \(SQLQuoting.identifier(column))"
            )
        }
        let columns = [
            "r.id AS run_id", "r.trial_key AS trial_key", "r.attempt AS attempt",
            "(c.run_id IS NOT NULL) AS is_current", "r.status AS status", "r.seed AS seed",
        ] + keyColumns + [
            "r.best_epoch AS best_epoch",
            "json_extract(r.best_metrics, '$.valid_rmse') AS best_valid_rmse",
            "json_extract(r.final_metrics, '$.valid_rmse') AS final_valid_rmse",
            "r.duration_seconds AS seconds",
        ]
        return """
            CREATE VIEW \(SQLQuoting.identifier(viewName)) AS SELECT
                \(columns.joined(separator: ",\n    "))
            FROM runs r LEFT JOIN trial_claims c ON c.run_id = r.id
            WHERE r.sweep = \(SQLQuoting.literal(sweep))
            """
    }
}
