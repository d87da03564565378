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
            let mask = dropout.values
            for index in 0..<count { result[index] *= mask[index] }
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
        if dropout.isActive {
            let mask = dropout.values
            for index in 0..<count { gradient[index] *= mask[index] }
        }
        batchNorm?.backward(outputGradient: gradient, inputGradient: gradient, rows: rows)
        ReLU.backward(activated: activated.pointer, gradient: gradient, count: count)
        linear.backward(input: input, outputGradient: gradient, inputGradient: inputGradient, rows: rows)
    }
}
