/// What one epoch produced: its metrics and a downsampled trace of its steps.
public struct EpochReport: Sendable, Equatable {
    /// One recorded optimiser step: where the schedule was and what the batch cost.
    public struct TracePoint: Sendable, Equatable {
        /// Global step index, 0-based over the whole run.
        public var step: Int
        public var learningRate: Double
        public var beta1: Double
        /// The batch's mean squared error.
        public var loss: Double

        public init(step: Int, learningRate: Double, beta1: Double, loss: Double) {
            self.step = step
            self.learningRate = learningRate
            self.beta1 = beta1
            self.loss = loss
        }
    }

    /// The most trace points an epoch keeps.
    public static let maximumTracePoints = 200

    /// 1-based epoch number.
    public var epoch: Int
    /// Metrics by name; see `MetricName`.
    public var metrics: [String: Double]
    /// Every k-th step of the epoch, k chosen so that at most `maximumTracePoints` remain.
    public var trace: [TracePoint]

    public init(epoch: Int, metrics: [String: Double], trace: [TracePoint]) {
        self.epoch = epoch
        self.metrics = metrics
        self.trace = trace
    }

    /// The metrics without timings: equal for two runs of the same config and seed.
    public var reproducibleMetrics: [String: Double] {
        metrics.filter { !MetricName.timings.contains($0.key) }
    }
}
