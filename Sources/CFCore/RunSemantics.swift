/// What a config produces under this build: the stream scheme and the kernel family.
///
/// A run records its semantics version, and the version is part of its trial key, so a
/// sweep resumed after an upgrade that changes results trains new trials instead of
/// mixing old and new results under one key. Every change that alters what a config
/// produces raises `current`, and `streamScheme`/`kernels` say what each version means.
///
/// | version | streams | kernels |
/// |---|---|---|
/// | 1 | `sequential`: base seed from (seed, trial key), one `init` stream | scalar, Float, sequential sums |
/// | 2 | `perTensor`: base seed = seed; (seed, purpose, tensor name, shape) | scalar, Float, sequential sums |
public struct RunSemantics: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let version: Int

    /// The semantics of runs this build trains.
    public static let current = RunSemantics(version: 2)
    /// Runs stored before semantics were recorded.
    public static let original = RunSemantics(version: 1)
    /// Every version this build can train (and so reproduce).
    public static let known = [original, current]

    public init(version: Int) {
        self.version = version
    }

    /// Whether this build can train runs of this version.
    public var isKnown: Bool { Self.known.contains(self) }

    /// How the run's random streams derive from its seed.
    public var streamScheme: RandomStreams.Scheme {
        version >= 2 ? .perTensor : .sequential
    }

    /// The arithmetic of the training kernels (order of sums, precision).
    public var kernels: String { "scalar-float-v1" }

    public var description: String { "semantics \(version) (streams \(streamScheme.rawValue), kernels \(kernels))" }

    public static func < (lhs: RunSemantics, rhs: RunSemantics) -> Bool { lhs.version < rhs.version }
}
