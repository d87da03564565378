import GRDB

/// The columns of `runs`, in table order; each raw value is the column's SQL name.
///
/// This is the one place a `runs` column is named. Inserting a run, decoding a
/// `RunRecord` and the `--where` fields all go through it. The migrations keep their
/// SQL as released (a released migration is never edited, so it spells the names in its
/// own text); `RunColumnTests` checks that a migrated store's `PRAGMA table_info(runs)`
/// lists exactly these cases, in this order. A new column is a new migration and a new
/// case at the end.
enum RunColumn: String, CaseIterable, ColumnExpression {
    case id
    case sweep
    case trialKey = "trial_key"
    case attempt
    case name
    case config = "config_json"
    case seed
    case streamSeeds = "stream_seeds"
    case dataSource = "data_source"
    case dataName = "data_name"
    case dataPath = "data_path"
    case dataFingerprint = "data_fingerprint"
    case split = "split_json"
    case splitFingerprint = "split_fingerprint"
    case buildId = "build_id"
    case build = "build_json"
    case operatingSystem = "os"
    case cpuModel = "cpu_model"
    case threads
    case status
    case error
    case createdAt = "created_at"
    case startedAt = "started_at"
    case endedAt = "ended_at"
    case durationSeconds = "duration_seconds"
    case heartbeatAt = "heartbeat_at"
    case bestEpoch = "best_epoch"
    case bestMetrics = "best_metrics"
    case finalMetrics = "final_metrics"
    case testMetrics = "test_metrics"
    case reproducesRunId = "reproduces_run_id"
    case owner
    case processId = "pid"
    case host
    case semantics

    /// The column qualified by the alias `r` that every read of `runs` uses (`r.status`).
    var qualified: String { "r." + rawValue }
}
