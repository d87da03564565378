import CFCore
import GRDB

/// One row of `runs`, with its JSON columns decoded, its current tags from `run_tags`,
/// and whether it is the current attempt of its trial.
public struct RunRecord: Equatable, Sendable {
    public var id: Int64
    /// The sweep name, or "" for a run outside any sweep.
    public var sweep: String
    public var trialKey: String?
    /// 1 for the first run of a trial, then 2, 3... for retries and reruns.
    public var attempt: Int
    public var name: String
    /// The resolved config (stored as canonical JSON).
    public var config: JSONValue
    public var seed: Int64?
    public var streamSeeds: JSONValue
    /// The run's current tags (`run_tags`), sorted.
    public var tags: [String]
    public var dataSource: String
    public var dataName: String
    public var dataPath: String?
    public var dataFingerprint: String
    public var split: JSONValue
    public var splitFingerprint: String
    public var buildId: String
    public var build: JSONValue
    public var operatingSystem: String
    public var cpuModel: String
    public var threads: Int
    public var status: RunStatus
    public var error: String?
    /// Timestamps are UTC ISO-8601 text (`2025-01-31T12:00:00.000Z`).
    public var createdAt: String
    public var startedAt: String?
    public var endedAt: String?
    public var durationSeconds: Double?
    public var heartbeatAt: String?
    public var bestEpoch: Int?
    public var bestMetrics: [String: Double]?
    public var finalMetrics: [String: Double]?
    public var testMetrics: [String: Double]?
    public var reproducesRunId: Int64?
    /// The semantics version (1 for runs stored before it was recorded).
    public var semantics: Int
    /// The claiming process: `ClaimOwner.token`, its process id and host.
    public var owner: String?
    public var processId: Int?
    public var host: String?
    /// Whether `trial_claims` points at this run (false for superseded attempts and unclaimed runs).
    public var isCurrent: Bool

    /// The columns read besides `runs.*`: current tags as a JSON array, and currency.
    static let extraColumns = """
        (SELECT json_group_array(tag) FROM (SELECT tag FROM run_tags WHERE run_id = r.id ORDER BY tag)) AS current_tags,
        EXISTS (SELECT 1 FROM trial_claims c WHERE c.run_id = r.id) AS is_current
        """

    /// `SELECT` of every column a `RunRecord` needs, from `runs` aliased as `r`.
    static let selection = "SELECT r.*, \(extraColumns) FROM runs r"
}

extension RunRecord: FetchableRecord {
    public init(row: Row) throws {
        func json(_ column: String) throws -> JSONValue {
            let text: String = row[column] ?? "null"
            do { return try JSONValue.parse(text) } catch { throw Self.corrupt(column, row) }
        }
        func metrics(_ column: String) throws -> [String: Double]? {
            guard let text: String = row[column] else { return nil }
            guard let value = MetricsJSON.decode(text) else { throw Self.corrupt(column, row) }
            return value
        }
        let statusText: String = row["status"]
        guard let status = RunStatus(rawValue: statusText) else { throw Self.corrupt("status", row) }
        id = row["id"]
        sweep = row["sweep"]
        trialKey = row["trial_key"]
        attempt = row["attempt"]
        name = row["name"]
        config = try json("config_json")
        seed = row["seed"]
        streamSeeds = try json("stream_seeds")
        tags = (try json("current_tags")).arrayValue?.compactMap(\.stringValue) ?? []
        dataSource = row["data_source"]
        dataName = row["data_name"]
        dataPath = row["data_path"]
        dataFingerprint = row["data_fingerprint"]
        split = try json("split_json")
        splitFingerprint = row["split_fingerprint"]
        buildId = row["build_id"]
        build = try json("build_json")
        operatingSystem = row["os"]
        cpuModel = row["cpu_model"]
        threads = row["threads"]
        self.status = status
        error = row["error"]
        createdAt = row["created_at"]
        startedAt = row["started_at"]
        endedAt = row["ended_at"]
        durationSeconds = row["duration_seconds"]
        heartbeatAt = row["heartbeat_at"]
        bestEpoch = row["best_epoch"]
        bestMetrics = try metrics("best_metrics")
        finalMetrics = try metrics("final_metrics")
        testMetrics = try metrics("test_metrics")
        reproducesRunId = row["reproduces_run_id"]
        semantics = row["semantics"] ?? 1
        owner = row["owner"]
        processId = row["pid"]
        host = row["host"]
        isCurrent = row["is_current"] ?? false
    }

    private static func corrupt(_ column: String, _ row: Row) -> StoreError {
        let id: Int64 = row["id"] ?? -1
        return .corruptRecord(path: "runs", reason: "run \(id): column \(column) cannot be decoded")
    }
}
