/// xoshiro256**, the seedable generator behind every random choice cflab makes.
///
/// Output: rotl(s1·5, 7)·9. State update: t = s1<<17; s2 ^= s0; s3 ^= s1; s1 ^= s2;
/// s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45). Seeding runs SplitMix64 four times, as the
/// reference implementation recommends. Its helpers (`nextFloat`, `nextInt(below:)`,
/// `nextGaussian`) are defined here so that results never depend on the standard
/// library's unspecified `random(in:using:)`.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Seeds the four state words from SplitMix64(seed).
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// Starts from an explicit state; the state must not be all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        self.state = state
    }

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = Self.rotateLeft(state.3, 45)
        return result
    }
}
