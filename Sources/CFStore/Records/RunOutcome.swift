/// How a run ended, as `finishRun` records it.
///
/// A `RunRecord` carries one as its `outcome`: the outcome so far, read back from `runs`.
public struct RunOutcome: Equatable, Sendable {
    /// `completed`, `failed`, `diverged` or `interrupted`.
    public var status: RunStatus
    /// The error of a failed run.
    public var error: String?
    /// 1-based epoch with the best monitored metric.
    public var bestEpoch: Int?
    public var bestMetrics: [String: Double]
    public var finalMetrics: [String: Double]
    /// Metrics on the test part of the split, when it has one.
    public var testMetrics: [String: Double]?
    /// Wall time of the run; nil computes it from `started_at`.
    public var durationSeconds: Double?

    public init(
        status: RunStatus, error: String? = nil, bestEpoch: Int? = nil, bestMetrics: [String: Double] = [:],
        finalMetrics: [String: Double] = [:], testMetrics: [String: Double]? = nil, durationSeconds: Double? = nil
    ) {
        self.status = status
        self.error = error
        self.bestEpoch = bestEpoch
        self.bestMetrics = bestMetrics
        self.finalMetrics = finalMetrics
        self.testMetrics = testMetrics
        self.durationSeconds = durationSeconds
    }
}
