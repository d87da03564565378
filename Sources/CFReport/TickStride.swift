/// Spacing of tick marks along an axis of whole numbers (epochs, dimensions), so that
/// their labels never run together.
enum TickStride {
    /// Strides a reader counts in: round decimal steps, and powers of two for embedding dimensions.
    static let steps = [1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 200, 250, 500, 1000]

    /// The smallest step of `steps` that leaves at most `maximum` ticks over `count` values.
    static func of(count: Int, maximum: Int) -> Int {
        let limit = max(1, maximum)
        return steps.first { (count + $0 - 1) / $0 <= limit } ?? max(1, (count + limit - 1) / limit)
    }
}
