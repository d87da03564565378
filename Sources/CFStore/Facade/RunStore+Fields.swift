import CFCore
import GRDB

extension RunStore {
    /// Every field name a filter or sort can use on this store: the run columns, `tag`,
    /// each config key in `run_params`, and each metric stored as a best (bare and
    /// `best.`), final (`final.`) or test (`test.`) metric.
    public func knownFields() throws -> [String] {
        try read { db in
            var names = Array(WhereField.columns.keys).sorted() + ["tag"]
            names += try String.fetchAll(db, sql: "SELECT DISTINCT key FROM run_params ORDER BY key")
            for (column, prefixes) in [(RunColumn.bestMetrics, ["", "best."]), (.finalMetrics, ["final."]), (.testMetrics, ["test."])] {
                let metrics = try String.fetchAll(db, sql: """
                    SELECT DISTINCT m.key FROM runs r, json_each(r.\(column.rawValue)) m
                    WHERE r.\(column.rawValue) IS NOT NULL ORDER BY m.key
                    """)
                for prefix in prefixes { names += metrics.map { prefix + $0 } }
            }
            return names
        }
    }

    /// Throws `unknownField`, with a did-you-mean, for a name no run of the store has.
    /// A store without runs knows nothing yet, so every name passes.
    func requireKnownFields(_ names: [String]) throws {
        guard !names.isEmpty, try read({ db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }) > 0 else { return }
        let known = try knownFields()
        let lookup = Set(known)
        for name in names where !lookup.contains(name) {
            throw StoreError.unknownField(name: name, hint: EditDistance.hint(for: name, among: known))
        }
    }
}
