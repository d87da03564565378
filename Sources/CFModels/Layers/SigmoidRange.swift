import CFConfig
import Foundation

/// The output squashing of a model: s(x) = low + (high - low)·σ(x), or the identity.
///
/// `evaluate(x)` returns both s(x) and its slope s'(x) = (high - low)·σ(x)·(1 - σ(x)),
/// which the backward passes multiply into ∂L/∂r̂ (the slope is 1 for the identity).
public struct SigmoidRange: Equatable, Sendable {
    public let low: Float
    public let high: Float
    /// False for the identity (`y_range: null`).
    public let isEnabled: Bool

    public static let identity = SigmoidRange(low: 0, high: 1, isEnabled: false)

    public init(low: Float, high: Float) {
        self.init(low: low, high: high, isEnabled: true)
    }

    private init(low: Float, high: Float, isEnabled: Bool) {
        self.low = low
        self.high = high
        self.isEnabled = isEnabled
    }

    /// Resolves `y_range` from the config: `data` means the training ratings' range.
    public init(_ yRange: YRange, statistics: TrainingStatistics) throws {
        switch yRange {
        case .none:
            self = .identity
        case .data:
            try self.init(checkedLow: statistics.ratingMin, high: statistics.ratingMax)
        case let .fixed(low, high):
            try self.init(checkedLow: Float(low), high: Float(high))
        }
    }

    private init(checkedLow low: Float, high: Float) throws {
        guard low < high, low.isFinite, high.isFinite else {
            throw ModelError.invalidYRange(low: Double(low), high: Double(high))
        }
        self.init(low: low, high: high)
    }

    /// s(x) and s'(x).
    @inline(__always)
    public func evaluate(_ x: Float) -> (value: Float, slope: Float) {
        guard isEnabled else { return (x, 1) }
        let sigmoid = 1 / (1 + Foundation.exp(-x))
        let width = high - low
        return (low + width * sigmoid, width * sigmoid * (1 - sigmoid))
    }

    /// s(x) alone, for prediction.
    @inline(__always)
    public func value(_ x: Float) -> Float {
        guard isEnabled else { return x }
        return low + (high - low) / (1 + Foundation.exp(-x))
    }
}
