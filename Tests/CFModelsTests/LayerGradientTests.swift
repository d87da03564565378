import CFConfig
import CFCore
import Testing
@testable import CFModels

/// Each layer of the neural model against central differences of L = Σ G ⊙ layer(X)
/// for a fixed random upstream gradient G, in Double.
@Suite("layer gradients")
struct LayerGradientTests {
    let rows = 6

    func randomValues(_ count: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var random = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in scale * random.nextFloat(in: -1, 1) }
    }

    /// Σ G ⊙ Y in Double.
    func pairing(_ upstream: [Float], _ output: [Float]) -> Double {
        zip(upstream, output).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Central differences of `loss` with respect to each entry of `values`.
    func numericGradient(_ values: inout [Float], epsilon: Float = 1e-2, loss: ([Float]) -> Double) -> [Double] {
        (0..<values.count).map { index in
            let original = values[index]
            values[index] = original + epsilon
            let plus = loss(values)
            values[index] = original - epsilon
            let minus = loss(values)
            values[index] = original
            return (plus - minus) / Double(2 * epsilon)
        }
    }

    func expectClose(_ analytic: [Float], _ numeric: [Double], _ label: String) {
        #expect(analytic.count == numeric.count)
        for (index, (exact, estimate)) in zip(analytic, numeric).enumerated() {
            let tolerance = 1e-3 + 2e-3 * abs(estimate)
            #expect(abs(Double(exact) - estimate) <= tolerance, "\(label)[\(index)]: \(exact) vs \(estimate)")
        }
    }

    @Test(arguments: [true, false])
    func denseLayer(hasBias: Bool) {
        let layer = DenseLayer(name: "layer", inputs: 5, outputs: 3, hasBias: hasBias, streams: ParameterStreams(seed: 1))
        var input = randomValues(rows * 5, seed: 2)
        let upstream = randomValues(rows * 3, seed: 3)
        func forward(_ input: [Float]) -> [Float] {
            var output = [Float](repeating: 0, count: rows * 3)
            output.withUnsafeMutableBufferPointer { layer.forward(input, into: $0.baseAddress!, rows: rows) }
            return output
        }
        // Y = X·Wᵀ + b, element by element.
        let output = forward(input)
        for row in 0..<rows {
            for column in 0..<3 {
                var expected = (0..<5).reduce(Float(0)) { $0 + input[row * 5 + $1] * layer.weight.values[column * 5 + $1] }
                expected += layer.bias?.values[column] ?? 0
                #expect(abs(output[row * 3 + column] - expected) < 1e-5)
            }
        }
        var inputGradient = [Float](repeating: 0, count: rows * 5)
        inputGradient.withUnsafeMutableBufferPointer {
            layer.backward(input: input, outputGradient: upstream, inputGradient: $0.baseAddress, rows: rows)
        }
        expectClose(inputGradient, numericGradient(&input) { pairing(upstream, forward($0)) }, "input")
        for parameter in layer.parameters {
            let analytic = parameter.gradient
            var values = parameter.values
            let numeric = numericGradient(&values) { values in
                parameter.values = values
                return pairing(upstream, forward(input))
            }
            parameter.values = values
            expectClose(analytic, numeric, parameter.name)
        }
    }

    @Test func relu() {
        // Values kept away from the kink at 0, where the derivative is undefined.
        var input = randomValues(rows * 4, seed: 4).map { $0 < 0 ? $0 - 0.1 : $0 + 0.1 }
        let upstream = randomValues(rows * 4, seed: 5)
        func forward(_ input: [Float]) -> [Float] {
            var output = input
            output.withUnsafeMutableBufferPointer { ReLU.forward($0.baseAddress!, into: $0.baseAddress!, count: $0.count) }
            return output
        }
        var gradient = upstream
        let activated = forward(input)
        gradient.withUnsafeMutableBufferPointer { ReLU.backward(activated: activated, gradient: $0.baseAddress!, count: $0.count) }
        expectClose(gradient, numericGradient(&input) { pairing(upstream, forward($0)) }, "relu")
    }

    @Test func batchNormTraining() {
        let layer = BatchNormLayer(name: "layer0", features: 3)
        layer.gamma.values = [1.5, 0.5, -1]
        layer.beta.values = [0.1, -0.2, 0.3]
        var input = randomValues(rows * 3, seed: 6, scale: 2)
        let upstream = randomValues(rows * 3, seed: 7)
        func forward(_ input: [Float]) -> [Float] {
            var output = [Float](repeating: 0, count: rows * 3)
            output.withUnsafeMutableBufferPointer { layer.forwardTraining(input, into: $0.baseAddress!, rows: rows) }
            return output
        }
        _ = forward(input)
        var inputGradient = [Float](repeating: 0, count: rows * 3)
        inputGradient.withUnsafeMutableBufferPointer {
            layer.backward(outputGradient: upstream, inputGradient: $0.baseAddress!, rows: rows)
        }
        expectClose(inputGradient, numericGradient(&input) { pairing(upstream, forward($0)) }, "input")
        for parameter in layer.parameters {
            let analytic = parameter.gradient
            var values = parameter.values
            let numeric = numericGradient(&values) { values in
                parameter.values = values
                return pairing(upstream, forward(input))
            }
            parameter.values = values
            expectClose(analytic, numeric, parameter.name)
        }
    }

    @Test func batchNormStatistics() {
        let layer = BatchNormLayer(name: "layer0", features: 2)
        #expect(layer.parameters.map(\.name) == ["layer0.gamma", "layer0.beta"])
        #expect(layer.buffers.map(\.name) == ["layer0.running_mean", "layer0.running_var"])
        let input: [Float] = [1, 10, 3, 20, 5, 60]
        var output = [Float](repeating: 0, count: 6)
        output.withUnsafeMutableBufferPointer { layer.forwardTraining(input, into: $0.baseAddress!, rows: 3) }
        // Feature 0: mean 3, biased variance 8/3, unbiased 4; feature 1: mean 30, unbiased 700.
        #expect(abs(layer.runningMean.values[0] - 0.3) < 1e-6 && abs(layer.runningMean.values[1] - 3) < 1e-5)
        #expect(abs(layer.runningVariance.values[0] - 1.3) < 1e-5 && abs(layer.runningVariance.values[1] - 70.9) < 1e-3)
        // Training output: γ·x̂ + β with γ = 1, β = 1e-3.
        let expected0 = (1 - 3) / (Float(8.0 / 3.0) + 1e-5).squareRoot() + 1e-3
        #expect(abs(output[0] - expected0) < 1e-5)
        output.withUnsafeMutableBufferPointer { layer.forwardInference(input, into: $0.baseAddress!, rows: 3) }
        let inference0 = (1 - 0.3) / (Float(1.3) + 1e-5).squareRoot() + 1e-3
        #expect(abs(output[0] - inference0) < 1e-5)
    }
}
