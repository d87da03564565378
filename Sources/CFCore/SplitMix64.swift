/// SplitMix64, the generator that seeds xoshiro256** (Vigna's `splitmix64.c`).
///
/// Each call advances `state` by the golden-ratio increment and returns a mixed copy:
/// z = state += 0x9e3779b97f4a7c15; z = (z ^ z>>30)·0xbf58476d1ce4e5b9;
/// z = (z ^ z>>27)·0x94d049bb133111eb; return z ^ z>>31.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
