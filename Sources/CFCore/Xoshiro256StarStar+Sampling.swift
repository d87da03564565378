import CPrefetch
import Foundation

extension Xoshiro256StarStar {
    /// A uniform Float in [0, 1) from the top 24 bits.
    @inline(__always)
    public mutating func nextFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A uniform Double in [0, 1) from the top 53 bits.
    @inline(__always)
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform Float in [low, high).
    @inline(__always)
    public mutating func nextFloat(in low: Float, _ high: Float) -> Float {
        low + (high - low) * nextFloat()
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's multiply-shift).
    @inline(__always)
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A standard normal deviate by the Box-Muller transform (one value per two uniforms).
    public mutating func nextGaussian() -> Double {
        var u1 = nextDouble()
        while u1 <= Double.leastNormalMagnitude { u1 = nextDouble() }
        let u2 = nextDouble()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A normal deviate with the given standard deviation, redrawn until it lies within
    /// two standard deviations (PyTorch's and fastai's `trunc_normal_` convention).
    public mutating func nextTruncatedGaussian(std: Double) -> Double {
        while true {
            let z = nextGaussian()
            if abs(z) <= 2 { return z * std }
        }
    }

    /// Shuffles `values` in place with Fisher-Yates, walking from the end.
    public mutating func shuffle<T>(_ values: inout [T]) {
        values.withUnsafeMutableBufferPointer { shuffle(buffer: $0) }
    }

    /// `shuffle` for the training order: the same draws and swaps, specialised here, since
    /// a generic call from another module is not (it cost 9 s of a 16M-rating epoch).
    public mutating func shuffle(_ values: inout [Int32]) {
        values.withUnsafeMutableBufferPointer { shuffle(buffer: $0) }
    }

    /// `shuffle(_: inout [Int32])` over a buffer (a block of the training order).
    public mutating func shuffle(_ values: UnsafeMutableBufferPointer<Int32>) {
        shuffle(buffer: values)
    }

    /// `shuffle` over the training order's records, specialised like the others: the
    /// same draws and swaps as shuffling indices to the same ratings.
    public mutating func shuffle(_ values: UnsafeMutableBufferPointer<RatingRecord>) {
        shuffle(buffer: values)
    }

    /// `shuffle` for rating indices (splits), specialised as for `[Int32]`.
    public mutating func shuffle(_ values: inout [Int]) {
        values.withUnsafeMutableBufferPointer { shuffle(buffer: $0) }
    }

    /// Fisher-Yates over a buffer: for i from the end down to 1, swap i with a uniform j ≤ i.
    ///
    /// The draws do not depend on the values, so each j is drawn `shuffleLookahead` swaps
    /// early, in the same order, and its element prefetched: a swap of a large array waits
    /// on memory otherwise. The draws and swaps, and so the result, are those of the loop
    /// that draws each j just before its swap.
    @inline(__always)
    private mutating func shuffle<T>(buffer: UnsafeMutableBufferPointer<T>) {
        guard let base = buffer.baseAddress, buffer.count > 1 else { return }
        let ahead = Swift.min(Self.shuffleLookahead, buffer.count - 1)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: ahead) { ring in
            // `undrawn`: the next i whose j is still to draw.
            var undrawn = buffer.count - 1
            for slot in 0..<ahead {
                ring[slot] = nextInt(below: undrawn + 1)
                cf_prefetch(UnsafeRawPointer(base + ring[slot]))
                undrawn -= 1
            }
            var index = buffer.count - 1
            var slot = 0
            while index > 0 {
                let other = ring[slot]
                if undrawn > 0 {
                    ring[slot] = nextInt(below: undrawn + 1)
                    cf_prefetch(UnsafeRawPointer(base + ring[slot]))
                    undrawn -= 1
                }
                let value = base[index]
                base[index] = base[other]
                base[other] = value
                index -= 1
                slot = slot + 1 == ahead ? 0 : slot + 1
            }
        }
    }

    /// How many swaps ahead `shuffle` draws and prefetches.
    static let shuffleLookahead = 16
}
