import CFCore

/// Inverted-dropout masks for one embedding side, drawn into a reused buffer.
///
/// Each unit is kept with probability 1 - `rate` and then scaled by 1/(1 - `rate`), so
/// E[mask] = 1 and prediction needs no rescaling: mask_j = u_j < rate ? 0 : 1/(1 - rate),
/// u_j uniform from `random`, drawn row by row in order. With rate 0 the mask is all
/// ones and nothing is drawn. The buffer grows only when more rows are asked for.
public final class DropoutMask {
    public let rate: Float
    /// Units per row (the embedding width).
    public let width: Int
    private var storage: UnsafeMutableBufferPointer<Float>
    private var filledRows = 0

    public init(rate: Double, width: Int) {
        self.rate = Float(rate)
        self.width = width
        storage = .allocate(capacity: max(width, 1))
        storage.initialize(repeating: 1)
    }

    deinit { storage.deallocate() }

    /// Whether masks are drawn at all (rate > 0).
    public var isActive: Bool { rate > 0 }

    /// The kept units' scale, 1/(1 - rate).
    public var keptScale: Float { 1 / (1 - rate) }

    /// The mask of the last `draw`, `rows`×`width` row-major.
    public var values: UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: storage[0..<(max(filledRows, 1) * width)])
    }

    /// Draws fresh masks for `rows` rows (nothing drawn when inactive: all ones).
    @inline(__always)
    public func draw(rows: Int, random: inout Xoshiro256StarStar) {
        reserve(rows: rows)
        filledRows = rows
        guard isActive else { return }
        let scale = keptScale
        let drop = rate
        for index in 0..<(rows * width) {
            storage[index] = random.nextFloat() < drop ? 0 : scale
        }
    }

    /// values[i] *= mask[i] for the elements of `rows` (rows of `width`) of the last
    /// `draw`; nothing when inactive (a mask of ones changes no value).
    @inline(__always)
    public func apply(to values: UnsafeMutablePointer<Float>, rows: Range<Int>) {
        guard isActive else { return }
        for index in (rows.lowerBound * width)..<(rows.upperBound * width) { values[index] *= storage[index] }
    }

    private func reserve(rows: Int) {
        let needed = rows * width
        guard needed > storage.count else { return }
        let grown = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(needed, storage.count * 2))
        grown.initialize(repeating: 1)
        storage.deallocate()
        storage = grown
    }
}
