import GRDB

extension RunStore {
    /// The run with `id`; throws `unknownRun` when there is none.
    public func run(id runId: Int64) throws -> RunRecord {
        try read { db in
            guard let record = try RunRecord.fetchOne(db, sql: RunRecord.selection + " WHERE r.id = ?", arguments: [runId]) else {
                throw StoreError.unknownRun(id: runId)
            }
            return record
        }
    }

    /// The runs that match `query`, in its order.
    public func runs(matching query: RunQuery = RunQuery()) throws -> [RunRecord] {
        try requireKnownFields((query.filter?.expression.fields ?? []) + (query.sort.map { [$0] } ?? []))
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let sweep = query.sweep {
            conditions.append("\(RunColumn.sweep.qualified) = ?")
            arguments.append(sweep.databaseValue)
        }
        if !query.statuses.isEmpty {
            conditions.append("\(RunColumn.status.qualified) IN (\(Array(repeating: "?", count: query.statuses.count).joined(separator: ", ")))")
            arguments += query.statuses.map(\.rawValue.databaseValue)
        }
        if let tag = query.tag {
            conditions.append("EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)")
            arguments.append(tag.databaseValue)
        }
        if query.currentOnly {
            conditions.append("(r.trial_key IS NULL OR EXISTS (SELECT 1 FROM trial_claims c WHERE c.run_id = r.id))")
        }
        if let filter = query.filter {
            let compiled = filter.sql()
            conditions.append(compiled.condition)
            arguments += compiled.arguments
        }
        var sql = RunRecord.selection
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        let direction = query.descending ? "DESC" : "ASC"
        if let sort = query.sort {
            let key = try sortExpression(sort)
            sql += " ORDER BY (\(key.sql)) IS NULL, \(key.sql) \(direction), r.id"
            arguments += key.arguments + key.arguments
        } else {
            sql += " ORDER BY \(RunColumn.id.qualified) \(direction)"
        }
        if let limit = query.limit {
            sql += " LIMIT ?"
            arguments.append(max(0, limit).databaseValue)
        }
        return try read { db in try RunRecord.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// Every recorded epoch of a run, in order.
    public func epochs(runId: Int64) throws -> [EpochRecord] {
        try read { db in
            try EpochRecord.fetchAll(db, sql: "SELECT * FROM epochs WHERE run_id = ? ORDER BY epoch", arguments: [runId])
        }
    }

    /// The SQL of a sort field and its bound arguments.
    private func sortExpression(_ name: String) throws -> (sql: String, arguments: [DatabaseValue]) {
        try WhereField.validate(name, at: 0, in: name)
        switch WhereField.resolve(name) {
        case let .column(column):
            return (column.qualified, [])
        case let .metric(column, metric):
            return ("json_extract(\(column.qualified), ?)", [WhereField.metricPath(metric).databaseValue])
        case let .parameter(key):
            return ("(SELECT p.value FROM run_params p WHERE p.run_id = r.id AND p.key = ?)", [key.databaseValue])
        case .tag:
            throw WhereError(expression: name, position: 0, message: "cannot sort by `tag`; sort by a metric, a column or a config key")
        }
    }
}
