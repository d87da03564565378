import CFCore
import GRDB

/// One row of `epochs`: every metric the trainer reported for one epoch of one run.
public struct EpochRecord: Equatable, Sendable {
    public var runId: Int64
    /// 1-based epoch number.
    public var epoch: Int
    /// When the epoch's transaction committed (UTC ISO-8601).
    public var recordedAt: String
    public var metrics: [String: Double]
    /// Optional per-step detail (for example a loss trace), as the trainer gave it.
    public var stepTrace: JSONValue?
}

extension EpochRecord: FetchableRecord {
    public init(row: Row) throws {
        runId = row["run_id"]
        epoch = row["epoch"]
        recordedAt = row["recorded_at"]
        let metricsText: String = row["metrics"]
        guard let metrics = MetricsJSON.decode(metricsText) else {
            throw StoreError.corruptRecord(path: "epochs", reason: "run \(runId) epoch \(epoch): metrics are not a JSON object of numbers")
        }
        self.metrics = metrics
        if let traceText: String = row["step_trace"] {
            do { stepTrace = try JSONValue.parse(traceText) } catch {
                throw StoreError.corruptRecord(path: "epochs", reason: "run \(runId) epoch \(epoch): step_trace: \(error)")
            }
        } else {
            stepTrace = nil
        }
    }
}
