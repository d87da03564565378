import CFConfig
import CFCore
import CFLinalg

/// A fully connected layer on a whole batch: Y = X·Wᵀ + b, through `Linalg.sgemm`.
///
/// `weight` W is [outputs, inputs] (PyTorch layout), `bias` b is [outputs] or absent.
/// Backward, for upstream ∂L/∂Y: ∂L/∂W += (∂L/∂Y)ᵀ·X, ∂L/∂b += Σ_rows ∂L/∂Y,
/// ∂L/∂X = (∂L/∂Y)·W. Initialisation is PyTorch's `nn.Linear` default
/// (kaiming_uniform with a = √5): W and b uniform in ±1/√inputs, W drawn before b.
final class DenseLayer {
    let weight: Parameter
    let bias: Parameter?
    let inputs: Int
    let outputs: Int
    /// Each shard's ∂L/∂W and ∂L/∂b in a sharded batch (`training.shards`), shard s at
    /// s·`shardStride`.
    private let shardGradients = ScratchBuffer()
    private var shardStride: Int { outputs * inputs + outputs }

    init(name: String, inputs: Int, outputs: Int, hasBias: Bool, streams: ParameterStreams) {
        self.inputs = inputs
        self.outputs = outputs
        let bound = 1 / Double(inputs).squareRoot()
        let initializer = Initializer.uniform(low: -bound, high: bound)
        weight = Parameter(
            name: "\(name).weight", shape: [outputs, inputs],
            values: streams.draw("\(name).weight", shape: [outputs, inputs]) { initializer.sample(count: outputs * inputs, random: &$0) },
            rowSparse: false)
        bias = hasBias
            ? Parameter(
                name: "\(name).bias", shape: [outputs],
                values: streams.draw("\(name).bias", shape: [outputs]) { initializer.sample(count: outputs, random: &$0) },
                rowSparse: false)
            : nil
    }

    var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

    /// Y [rows, outputs] = X [rows, inputs]·Wᵀ + b.
    func forward(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int) {
        let (inputs, outputs) = (inputs, outputs)
        weight.values.withUnsafeBufferPointer { weights in
            guard let weights = weights.baseAddress else { return }
            Linalg.sgemm(
                transA: false, transB: true, m: rows, n: outputs, k: inputs, alpha: 1,
                a: input, lda: inputs, b: weights, ldb: inputs, beta: 0, c: output, ldc: outputs)
        }
        bias?.values.withUnsafeBufferPointer { biases in
            guard let biases = biases.baseAddress else { return }
            for row in 0..<rows {
                let target = output + row * outputs
                for column in 0..<outputs { target[column] += biases[column] }
            }
        }
    }

    /// Accumulates ∂L/∂W and ∂L/∂b, and writes ∂L/∂X when `inputGradient` is given.
    func backward(
        input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        inputGradient: UnsafeMutablePointer<Float>?, rows: Int
    ) {
        weight.gradient.withUnsafeMutableBufferPointer { weightGradient in
            products(input: input, outputGradient: outputGradient, inputGradient: inputGradient, rows: rows,
                     weightGradient: weightGradient.baseAddress!, keep: true)
        }
        bias?.gradient.withUnsafeMutableBufferPointer { biasGradient in
            addColumnSums(outputGradient, rows: rows, into: biasGradient.baseAddress!)
        }
    }

    /// `backward` on one shard's `rows` rows (the pointers at its first row), its ∂L/∂W
    /// and ∂L/∂b written to shard `shard`'s own area instead of added to the gradients:
    /// it only reads the parameters, so shards run it at once. `addShardGradients` sums them.
    func backwardShard(
        _ shard: Int, input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        inputGradient: UnsafeMutablePointer<Float>?, rows: Int
    ) {
        let weightGradient = shardGradients.pointer + shard * shardStride
        products(input: input, outputGradient: outputGradient, inputGradient: inputGradient, rows: rows,
                 weightGradient: weightGradient, keep: false)
        guard bias != nil else { return }
        let biasGradient = weightGradient + outputs * inputs
        biasGradient.update(repeating: 0, count: outputs)
        addColumnSums(outputGradient, rows: rows, into: biasGradient)
    }

    /// ∂L/∂W = (∂L/∂Y)ᵀ·X into `weightGradient` (added to what it holds when `keep`),
    /// and ∂L/∂X = (∂L/∂Y)·W into `inputGradient` when given. Reads W only.
    private func products(
        input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        rows: Int, weightGradient: UnsafeMutablePointer<Float>, keep: Bool
    ) {
        let (inputs, outputs) = (inputs, outputs)
        Linalg.sgemm(
            transA: true, transB: false, m: outputs, n: inputs, k: rows, alpha: 1,
            a: outputGradient, lda: outputs, b: input, ldb: inputs, beta: keep ? 1 : 0, c: weightGradient, ldc: inputs)
        guard let inputGradient else { return }
        weight.values.withUnsafeBufferPointer { weights in
            Linalg.sgemm(
                transA: false, transB: false, m: rows, n: inputs, k: outputs, alpha: 1,
                a: outputGradient, lda: outputs, b: weights.baseAddress!, ldb: inputs, beta: 0, c: inputGradient, ldc: inputs)
        }
    }

    /// target[c] += Σ_rows ∂L/∂Y[row, c], row by row.
    private func addColumnSums(_ outputGradient: UnsafePointer<Float>, rows: Int, into target: UnsafeMutablePointer<Float>) {
        let outputs = outputs
        for row in 0..<rows {
            let start = row * outputs
            for column in 0..<outputs { target[column] += outputGradient[start + column] }
        }
    }

    /// Makes room for `shards` shards' gradients; call before they run.
    func prepareShards(_ shards: Int) {
        shardGradients.reserve(shards * shardStride)
    }

    /// Adds the first `shards` shards' ∂L/∂W and ∂L/∂b to the gradients: for each element,
    /// the gradient plus shard 0's, then shard 1's, and so on. `team` splits the elements
    /// (each element's sum is the same whoever adds it).
    func addShardGradients(_ shards: Int, team: WorkerTeam) {
        let stride = shardStride
        let areas = shardGradients.pointer
        /// Adds the shards' copies of the `count` elements at `offset` of each area into
        /// `gradient`, the elements split over the team.
        func add(into gradient: UnsafeMutablePointer<Float>, offset: Int, count: Int) {
            let pieces = ParallelLoop.ranges(count, pieces: count >= 4096 ? team.size : 1)
            team.run(pieces.count) { piece in
                let range = pieces[piece]
                for shard in 0..<shards {
                    let area = areas + shard * stride + offset
                    for index in range { gradient[index] += area[index] }
                }
            }
        }
        weight.gradient.withUnsafeMutableBufferPointer { add(into: $0.baseAddress!, offset: 0, count: $0.count) }
        bias?.gradient.withUnsafeMutableBufferPointer { add(into: $0.baseAddress!, offset: outputs * inputs, count: $0.count) }
    }
}
