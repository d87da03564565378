import Crypto
import Foundation

/// The independent random streams of a run, each derived from one seed and a label.
///
/// A stream's seed is the first 8 bytes (little-endian) of SHA-256("cflab|<seed>|<label>"),
/// so adding a stream or reordering calls never shifts another stream.
public struct RandomStreams: Sendable, Equatable {
    /// The purposes that draw random numbers.
    public enum Purpose: String, CaseIterable, Sendable {
        case split, initialization = "init", shuffle, dropout
    }

    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The seed of one purpose's stream.
    public func seed(for purpose: Purpose) -> UInt64 {
        Self.derive(seed, purpose.rawValue)
    }

    /// A fresh generator for one purpose.
    public func generator(for purpose: Purpose) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed(for: purpose))
    }

    /// Derives a seed from a base seed and labels, stable across platforms and versions.
    public static func derive(_ base: UInt64, _ labels: String...) -> UInt64 {
        derive(base, labels: labels)
    }

    public static func derive(_ base: UInt64, labels: [String]) -> UInt64 {
        let text = (["cflab", String(base)] + labels).joined(separator: "|")
        let digest = SHA256.hash(data: Data(text.utf8))
        var value: UInt64 = 0
        for (index, byte) in digest.prefix(8).enumerated() {
            value |= UInt64(byte) << (8 * UInt64(index))
        }
        return value
    }
}
