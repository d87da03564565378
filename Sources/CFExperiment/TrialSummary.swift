import CFTraining

/// The parts of a `TrainingResult` that outlive its trial thread (the model does not).
public struct TrialSummary: Sendable {
    public let status: TrainingResult.Status
    public let earlyStopped: Bool
    public let bestEpoch: Int?
    public let bestMetrics: [String: Double]
    public let finalMetrics: [String: Double]
    public let testMetrics: [String: Double]?
    public let epochs: [EpochReport]
    public let seconds: Double

    public init(result: TrainingResult, seconds: Double) {
        status = result.status
        earlyStopped = result.earlyStopped
        bestEpoch = result.bestEpoch
        bestMetrics = result.bestMetrics
        finalMetrics = result.finalMetrics
        testMetrics = result.testMetrics
        epochs = result.epochs
        self.seconds = seconds
    }
}
