import CFCore
import GRDB

extension RunRecord: FetchableRecord {
    /// The name under which `selection` reads the current tags, as a JSON array.
    static let currentTagsColumn = "current_tags"
    /// The name under which `selection` reads whether a claim points at the run.
    static let isCurrentColumn = "is_current"

    /// `SELECT` of every column a `RunRecord` needs, from `runs` aliased as `r`.
    static let selection = """
        SELECT r.*,
            (SELECT json_group_array(tag) FROM (SELECT tag FROM run_tags WHERE run_id = r.id ORDER BY tag)) AS \(currentTagsColumn),
            EXISTS (SELECT 1 FROM trial_claims c WHERE c.run_id = r.id) AS \(isCurrentColumn)
        FROM runs r
        """

    /// Decodes a row of `selection`, throwing `corruptRecord` for a column that does not decode.
    public init(row: Row) throws {
        func json(_ column: String) throws -> JSONValue {
            let text: String = row[column] ?? "null"
            do { return try JSONValue.parse(text) } catch { throw Self.corrupt(column, row) }
        }
        func json(_ column: RunColumn) throws -> JSONValue { try json(column.rawValue) }
        func metrics(_ column: RunColumn) throws -> [String: Double]? {
            guard let text: String = row[column] else { return nil }
            guard let value = MetricsJSON.decode(text) else { throw Self.corrupt(column.rawValue, row) }
            return value
        }
        let statusText: String = row[RunColumn.status]
        guard let status = RunStatus(rawValue: statusText) else { throw Self.corrupt(RunColumn.status.rawValue, row) }
        guard let seed: Int64 = row[RunColumn.seed] else { throw Self.corrupt(RunColumn.seed.rawValue, row) }
        id = row[RunColumn.id]
        sweep = row[RunColumn.sweep]
        trialKey = row[RunColumn.trialKey]
        attempt = row[RunColumn.attempt]
        run = NewRun(
            name: row[RunColumn.name], config: try json(.config), seed: seed, streamSeeds: try json(.streamSeeds),
            tags: (try json(Self.currentTagsColumn)).arrayValue?.compactMap(\.stringValue) ?? [],
            dataSource: row[RunColumn.dataSource], dataName: row[RunColumn.dataName], dataPath: row[RunColumn.dataPath],
            dataFingerprint: row[RunColumn.dataFingerprint], split: try json(.split),
            splitFingerprint: row[RunColumn.splitFingerprint], buildId: row[RunColumn.buildId], build: try json(.build),
            operatingSystem: row[RunColumn.operatingSystem], cpuModel: row[RunColumn.cpuModel],
            threads: row[RunColumn.threads], reproducesRunId: row[RunColumn.reproducesRunId],
            // Missing in a store from before `v3-semantics` read without migrating: 1.
            semantics: (row[RunColumn.semantics] as Int?) ?? 1
        )
        outcome = RunOutcome(
            status: status, error: row[RunColumn.error], bestEpoch: row[RunColumn.bestEpoch],
            bestMetrics: try metrics(.bestMetrics) ?? [:], finalMetrics: try metrics(.finalMetrics) ?? [:],
            testMetrics: try metrics(.testMetrics), durationSeconds: row[RunColumn.durationSeconds]
        )
        lifecycle = RunLifecycle(
            createdAt: row[RunColumn.createdAt], startedAt: row[RunColumn.startedAt], endedAt: row[RunColumn.endedAt],
            heartbeatAt: row[RunColumn.heartbeatAt], owner: row[RunColumn.owner], processId: row[RunColumn.processId],
            host: row[RunColumn.host]
        )
        isCurrent = row[Self.isCurrentColumn] ?? false
    }

    private static func corrupt(_ column: String, _ row: Row) -> StoreError {
        let id: Int64 = row[RunColumn.id] ?? -1
        return .corruptRecord(path: "runs", reason: "run \(id): column \(column) cannot be decoded")
    }
}
