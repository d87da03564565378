import Foundation

/// A closed interval of a chart axis, written into scripts as gnuplot's `[low:high]`.
struct AxisRange: Equatable, Sendable {
    var low: Double
    var high: Double

    /// The smallest range holding every finite value of `values`; nil when there is none.
    init?(covering values: [Double]) {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        self.init(low: low, high: high)
    }

    init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Whether every value was the same (a constant series).
    var isPoint: Bool { high - low <= 1e-9 * max(abs(low), abs(high)) }

    /// Widened by `fraction` of its span on each side. A single value becomes ±10% of
    /// itself (±1 around 0), so that a constant series is a flat line mid-axis, never a
    /// range gnuplot would have to invent.
    func padded(_ fraction: Double) -> AxisRange {
        if isPoint {
            let half = low == 0 ? 1 : abs(low) * 0.1
            return AxisRange(low: low - half, high: high + half)
        }
        let margin = (high - low) * fraction
        return AxisRange(low: low - margin, high: high + margin)
    }

    /// `[low:high]` with enough digits to round-trip.
    var gnuplot: String { "[\(NumberText.data(low)):\(NumberText.data(high))]" }
}
