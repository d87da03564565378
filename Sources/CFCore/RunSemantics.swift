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
/// | 3 | as 2 | as 2; kfold and predefined folds hold out the fold as the test part and carve validation from the training part; `global_mean` with a sigmoid range starts at the training mean |
/// | 4 | as 2 | as 3; the Adam, AdamW and SGD updates count subnormal numbers as zero (flush-to-zero) |
public struct RunSemantics: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let version: Int

    /// The semantics of runs this build trains.
    public static let current = RunSemantics(version: 4)
    /// Runs stored before semantics were recorded.
    public static let original = RunSemantics(version: 1)
    /// Per-tensor streams, folds validated on their test part (cflab 0.2).
    public static let perTensorStreams = RunSemantics(version: 2)
    /// Folds hold out their test part, `global_mean` starts at the mean (cflab 0.3).
    public static let heldOutFolds = RunSemantics(version: 3)
    /// Every version this build can train (and so reproduce).
    public static let known = [original, perTensorStreams, heldOutFolds, current]

    public init(version: Int) {
        self.version = version
    }

    /// Whether this build can train runs of this version.
    public var isKnown: Bool { Self.known.contains(self) }

    /// How the run's random streams derive from its seed.
    public var streamScheme: RandomStreams.Scheme {
        version >= 2 ? .perTensor : .sequential
    }

    /// Whether kfold and predefined splits keep their held-out fold as the test part and
    /// carve validation from the training part (3 on); before, the fold was validation,
    /// so the best epoch and early stopping were chosen on it.
    public var foldsHoldOutTest: Bool { version >= 3 }

    /// Whether `global_mean: true` under a sigmoid range offsets by the logit of the mean,
    /// so the first prediction is the training mean (3 on); before, μ was added inside
    /// the sigmoid as is, which pushed every first prediction towards the range's top.
    public var meanInsideRange: Bool { version >= 3 }

    /// Whether the optimisers' element-wise updates (Adam, AdamW, SGD) count subnormal
    /// inputs and results as zero (4 on). An element whose gradient stays zero (a dead
    /// unit's weight, a row a dense update does not touch) has moments that decay through
    /// the subnormal range, where every x86 operation takes a microcode assist: `nn`'s
    /// Adam ran at a third of its speed. Only values below 2⁻¹²⁶ ≈ 1.2e-38 change.
    public var flushesSubnormals: Bool { version >= 4 }

    /// The arithmetic of the training kernels (order of sums, precision).
    public var kernels: String { flushesSubnormals ? "scalar-float-v1, optimiser subnormals flushed" : "scalar-float-v1" }

    public var description: String { "semantics \(version) (streams \(streamScheme.rawValue), kernels \(kernels))" }

    public static func < (lhs: RunSemantics, rhs: RunSemantics) -> Bool { lhs.version < rhs.version }
}
