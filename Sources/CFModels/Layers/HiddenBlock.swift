import CFCore

/// One hidden layer of the neural model, in fastai's `LinBnDrop` order:
/// z = X·Wᵀ + b, a = ReLU(z), y = BatchNorm(a) (optional), out = m ⊙ y (dropout, training only).
///
/// Backward runs the same steps in reverse: g ← m ⊙ g, g ← BatchNorm′(g),
/// g ← g·[a > 0], then the linear layer's ∂L/∂W, ∂L/∂b and ∂L/∂X. As in fastai, the
/// linear layer has no bias when batchnorm follows (β plays its part).
final class HiddenBlock {
    let linear: DenseLayer
    let batchNorm: BatchNormLayer?
    let dropout: DropoutMask
    /// a = ReLU(z) before batchnorm; z itself without batchnorm (its ReLU goes straight to `output`).
    private let activated = ScratchBuffer()
    private let output = ScratchBuffer()

    init(index: Int, inputs: Int, outputs: Int, batchnorm: Bool, dropoutRate: Double, streams: ParameterStreams) {
        let name = "layer\(index)"
        linear = DenseLayer(name: name, inputs: inputs, outputs: outputs, hasBias: !batchnorm, streams: streams)
        batchNorm = batchnorm ? BatchNormLayer(name: name, features: outputs) : nil
        dropout = DropoutMask(rate: dropoutRate, width: outputs)
    }

    var width: Int { linear.outputs }
    var parameters: [Parameter] { linear.parameters + (batchNorm?.parameters ?? []) }
    var buffers: [Parameter] { batchNorm?.buffers ?? [] }

    /// Runs the block on `rows` rows of `input`; the result stays valid until the next call.
    /// Training uses batch statistics and draws dropout masks; inference does neither.
    func forward(
        _ input: UnsafePointer<Float>, rows: Int, training: Bool, random: inout Xoshiro256StarStar
    ) -> UnsafeMutablePointer<Float> {
        let count = rows * width
        activated.reserve(count)
        output.reserve(count)
        linear.forward(input, into: activated.pointer, rows: rows)
        let result = output.pointer
        if let batchNorm {
            ReLU.forward(activated.pointer, into: activated.pointer, count: count)
            if training {
                batchNorm.forwardTraining(activated.pointer, into: result, rows: rows)
            } else {
                batchNorm.forwardInference(activated.pointer, into: result, rows: rows)
            }
        } else {
            // `activated` keeps z: backward's mask z > 0 is the mask a > 0.
            ReLU.forward(activated.pointer, into: result, count: count)
        }
        if training && dropout.isActive {
            dropout.draw(rows: rows, random: &random)
            dropout.apply(to: result, rows: 0..<rows)
        }
        return result
    }

    /// Backward of the last training `forward`. `gradient` (∂L/∂out, rows×width) is
    /// overwritten; ∂L/∂X goes to `inputGradient` when given.
    func backward(
        input: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>,
        inputGradient: UnsafeMutablePointer<Float>?, rows: Int
    ) {
        let count = rows * width
        dropout.apply(to: gradient, rows: 0..<rows)
        batchNorm?.backward(outputGradient: gradient, inputGradient: gradient, rows: rows)
        ReLU.backward(activated: activated.pointer, gradient: gradient, count: count)
        linear.backward(input: input, outputGradient: gradient, inputGradient: inputGradient, rows: rows)
    }

    /// `forward` in training mode on a batch split into `shards` (consecutive row ranges),
    /// the shards run by `team`: each shard's linear layer and rectifier, then (with
    /// batchnorm) the batch statistics from the shards' column sums, added in shard order,
    /// then each shard's normalisation. The masks are drawn for the whole batch first, as
    /// many and in the same order as `forward` draws them.
    func forwardSharded(
        _ input: UnsafePointer<Float>, shards: BatchShards, random: inout Xoshiro256StarStar
    ) -> UnsafeMutablePointer<Float> {
        let rows = shards.rows
        let (width, inputs) = (width, linear.inputs)
        activated.reserve(rows * width)
        output.reserve(rows * width)
        if dropout.isActive { dropout.draw(rows: rows, random: &random) }
        let (z, result) = (activated.pointer, output.pointer)
        func applyDropout(_ range: Range<Int>) { dropout.apply(to: result, rows: range) }
        if let batchNorm {
            batchNorm.reserve(rows: rows)
            let sums = batchNorm.clearShardSums(shards.count)
            let features = batchNorm.features
            shards.run { shard, range in
                let start = range.lowerBound * width
                linear.forward(input + range.lowerBound * inputs, into: z + start, rows: range.count)
                ReLU.forward(z + start, into: z + start, count: range.count * width)
                BatchNormLayer.addColumnSums(
                    z + start, rows: range.count, features: features,
                    first: sums + shard * 2 * features, second: sums + shard * 2 * features + features)
            }
            batchNorm.combineShardSums(shards.count)
            batchNorm.finishStatistics(rows: rows)
            shards.run { _, range in
                batchNorm.normalize(z, into: result, rows: range)
                applyDropout(range)
            }
        } else {
            shards.run { _, range in
                let start = range.lowerBound * width
                linear.forward(input + range.lowerBound * inputs, into: z + start, rows: range.count)
                ReLU.forward(z + start, into: result + start, count: range.count * width)
                applyDropout(range)
            }
        }
        return result
    }

    /// `backward` of the last `forwardSharded`, shard by shard on their team; the linear
    /// layer's shard gradients are added in shard order at the end (`addShardGradients`).
    func backwardSharded(
        input: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        shards: BatchShards
    ) {
        let (width, inputs) = (width, linear.inputs)
        let z = activated.pointer
        func finish(_ shard: Int, _ range: Range<Int>) {
            let start = range.lowerBound * width
            ReLU.backward(activated: z + start, gradient: gradient + start, count: range.count * width)
            linear.backwardShard(
                shard, input: input + range.lowerBound * inputs, outputGradient: gradient + start,
                inputGradient: inputGradient.map { $0 + range.lowerBound * inputs }, rows: range.count)
        }
        func applyDropout(_ range: Range<Int>) { dropout.apply(to: gradient, rows: range) }
        if let batchNorm {
            let sums = batchNorm.clearShardSums(shards.count)
            let features = batchNorm.features
            shards.run { shard, range in
                applyDropout(range)
                batchNorm.gradientSums(
                    gradient, rows: range, first: sums + shard * 2 * features,
                    second: sums + shard * 2 * features + features)
            }
            batchNorm.combineShardSums(shards.count)
            batchNorm.finishGradientSums(rows: shards.rows)
            shards.run { shard, range in
                batchNorm.inputGradients(gradient, into: gradient, rows: range)
                finish(shard, range)
            }
        } else {
            shards.run { shard, range in
                applyDropout(range)
                finish(shard, range)
            }
        }
        linear.addShardGradients(shards.count, team: shards.team)
    }
}
