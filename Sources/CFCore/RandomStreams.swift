import Crypto
import Foundation

/// The independent random streams of a run, each derived from one seed and a label.
///
/// A derived seed is the first 8 bytes (little-endian) of SHA-256("cflab|<seed>|<label>|…"),
/// so adding a stream or reordering calls never shifts another stream. How the labels
/// are chosen is the stream `Scheme` (docs/streams.md):
/// - `perTensor` (semantics 2): the base seed is the config's `seed`. Each initial tensor
///   draws from its own stream, labelled by purpose, tensor name and shape
///   (`init|user_embedding|610x64`); the shuffle stream is labelled by the number of
///   training ratings. Nothing depends on the rest of the config, so trials that share a
///   seed and a tensor's shape start from the same values and see the same order.
/// - `sequential` (semantics 1, runs stored before it): the base seed was derived from
///   the seed and the trial key, and every initial tensor came from one `init` stream in
///   the model's documented order. Kept so that those runs still reproduce.
public struct RandomStreams: Sendable, Equatable {
    /// The purposes that draw random numbers.
    public enum Purpose: String, CaseIterable, Sendable {
        case split, initialization = "init", shuffle, dropout
    }

    /// How stream seeds are derived from the base seed.
    public enum Scheme: String, CaseIterable, Sendable {
        /// One `init` stream for every tensor, drawn in model order (semantics 1).
        case sequential
        /// One stream per tensor name and shape, and a shuffle stream per training size (semantics 2).
        case perTensor = "per-tensor"
    }

    /// The base seed every stream derives from.
    public let seed: UInt64
    public let scheme: Scheme

    public init(seed: UInt64, scheme: Scheme = .perTensor) {
        self.seed = seed
        self.scheme = scheme
    }

    /// The seed of one purpose's stream.
    public func seed(for purpose: Purpose) -> UInt64 {
        Self.derive(seed, purpose.rawValue)
    }

    /// A fresh generator for one purpose.
    public func generator(for purpose: Purpose) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed(for: purpose))
    }

    /// The generator that shuffles `count` training ratings each epoch.
    public func shuffleGenerator(count: Int) -> Xoshiro256StarStar {
        switch scheme {
        case .sequential: return generator(for: .shuffle)
        case .perTensor: return Xoshiro256StarStar(seed: Self.derive(seed(for: .shuffle), String(count)))
        }
    }

    /// The seed of the initial values of one tensor (`perTensor` only; `sequential`
    /// tensors share the `init` stream).
    public func initializationSeed(tensor name: String, shape: [Int]) -> UInt64 {
        Self.derive(seed(for: .initialization), name, Self.shapeLabel(shape))
    }

    /// The streams that initialise a model's tensors.
    public func parameterStreams() -> ParameterStreams {
        ParameterStreams(self)
    }

    /// "610x64" for a [610, 64] tensor.
    public static func shapeLabel(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "x")
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
