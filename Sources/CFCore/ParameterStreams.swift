/// Where a model's initial tensors draw their random numbers, tensor by tensor.
///
/// A model asks for each tensor by name and shape, in its documented order. Under the
/// `perTensor` scheme every tensor gets a fresh generator seeded by
/// `RandomStreams.initializationSeed(tensor:shape:)`, so the order and the other tensors
/// never matter; under `sequential` all of them share one `init` generator, as runs of
/// semantics 1 did.
public final class ParameterStreams {
    public let streams: RandomStreams
    private var shared: Xoshiro256StarStar

    public init(_ streams: RandomStreams) {
        self.streams = streams
        shared = streams.generator(for: .initialization)
    }

    /// Streams from `seed` under the current scheme (tests and tools).
    public convenience init(seed: UInt64) {
        self.init(RandomStreams(seed: seed))
    }

    /// Runs `body` with the generator of the tensor `name` of `shape`.
    public func draw<Result>(
        _ name: String, shape: [Int], _ body: (inout Xoshiro256StarStar) throws -> Result
    ) rethrows -> Result {
        switch streams.scheme {
        case .sequential:
            return try body(&shared)
        case .perTensor:
            var generator = Xoshiro256StarStar(seed: streams.initializationSeed(tensor: name, shape: shape))
            return try body(&generator)
        }
    }
}
