/// Follows a monitored metric (lower is better) to find the best epoch and decide early stops.
///
/// An epoch improves when value < best − minDelta (the first finite value always does).
/// With a patience p, the run stops after p consecutive epochs without improvement
/// (Keras' `EarlyStopping` convention). Without early stopping, patience is nil and the
/// tracker only finds the best epoch.
public struct BestEpochTracker: Sendable, Equatable {
    public let patience: Int?
    public let minDelta: Double
    /// 1-based best epoch so far, or nil before the first finite value.
    public private(set) var bestEpoch: Int?
    public private(set) var bestValue: Double = .infinity
    /// Consecutive epochs without improvement since the best.
    public private(set) var epochsWithoutImprovement = 0

    public init(patience: Int?, minDelta: Double) {
        self.patience = patience
        self.minDelta = minDelta
    }

    /// Records epoch `epoch`'s value; returns whether it is the new best.
    @discardableResult
    public mutating func record(epoch: Int, value: Double) -> Bool {
        if value.isFinite && (bestEpoch == nil || value < bestValue - minDelta) {
            bestEpoch = epoch
            bestValue = value
            epochsWithoutImprovement = 0
            return true
        }
        epochsWithoutImprovement += 1
        return false
    }

    /// Whether patience has run out.
    public var shouldStop: Bool {
        guard let patience else { return false }
        return epochsWithoutImprovement >= patience
    }
}
