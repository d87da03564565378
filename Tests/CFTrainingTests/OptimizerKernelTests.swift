import CFConfig
import CFCore
import CFModels
@testable import CFTraining
import XCTest

/// The vectorised optimiser kernels (CKernels) give the bits of the scalar update rules,
/// on random tables of every width (vector bodies and scalar tails), lazy and dense.
final class OptimizerKernelTests: XCTestCase {
    /// A table of `rows`×`width` random values whose listed rows have random gradients.
    func table(rows: Int, width: Int, touched: [Int32], random: inout Xoshiro256StarStar) -> Parameter {
        let parameter = Parameter(name: "t", shape: [rows, width], values: (0..<rows * width).map { _ in random.nextFloat(in: -1, 1) },
                                  rowSparse: true)
        refill(parameter, touched: touched, random: &random)
        return parameter
    }

    func refill(_ parameter: Parameter, touched: [Int32], random: inout Xoshiro256StarStar) {
        parameter.zeroGradient()
        for row in touched {
            parameter.touch(row)
            for offset in 0..<parameter.columns { parameter.gradient[Int(row) * parameter.columns + offset] = random.nextFloat(in: -2, 2) }
        }
    }

    /// Adam's rule as the Swift loop wrote it before the kernels.
    func referenceAdam(_ w: inout [Float], _ g: [Float], _ m: inout [Float], _ v: inout [Float], indices: [Int],
                       lr: Double, beta1: Double, beta2: Double, epsilon: Float, l2: Float, shrink: Float, t: Int) {
        let b1 = Float(beta1), b2 = Float(beta2)
        let stepSize = Float(lr / (1 - pow(beta1, Double(t))))
        let inverse = Float(1 / (1 - pow(beta2, Double(t))).squareRoot())
        for k in indices {
            let gradient = g[k] + l2 * w[k]
            m[k] = b1 * m[k] + (1 - b1) * gradient
            v[k] = b2 * v[k] + (1 - b2) * gradient * gradient
            let denominator = v[k].squareRoot() * inverse + epsilon
            w[k] = shrink * w[k] - stepSize * m[k] / denominator
        }
    }

    func testAdamKernelsMatchTheScalarRuleBitForBit() {
        var random = Xoshiro256StarStar(seed: 3)
        for width in [1, 3, 4, 8, 13, 64] {
            for (dense, decoupled) in [(false, false), (false, true), (true, false)] {
                let touched: [Int32] = [5, 0, 11, 7, 2, 9, 14]
                let parameter = table(rows: 16, width: width, touched: touched, random: &random)
                var config = optimizerConfig(.adam, learningRate: 0.01, weightDecay: 0.05, mode: decoupled ? .decoupled : .l2, dense: dense)
                config.epsilon = 1e-6
                let adam = Adam(config: config, parameters: [parameter])
                var w = parameter.values, m = [Float](repeating: 0, count: w.count), v = m
                for t in 1...4 {
                    let indices = dense ? Array(0..<w.count) : touched.flatMap { row in (0..<width).map { Int(row) * width + $0 } }
                    let lr = 0.01 * Double(t)
                    referenceAdam(&w, parameter.gradient, &m, &v, indices: indices, lr: lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-6,
                                  l2: decoupled ? 0 : 0.05, shrink: decoupled ? 1 - Float(lr) * 0.05 : 1, t: t)
                    adam.step(parameters: [parameter], learningRate: lr, beta1: 0.9)
                    XCTAssertEqual(parameter.values.map(\.bitPattern), w.map(\.bitPattern), "width \(width) dense \(dense) step \(t)")
                    refill(parameter, touched: touched, random: &random)
                }
            }
        }
    }

    func testSGDKernelsMatchTheScalarRuleBitForBitWithAndWithoutVelocity() {
        var random = Xoshiro256StarStar(seed: 4)
        for width in [1, 5, 8, 64] {
            for (momentum, dense) in [(0.0, false), (0.9, false), (0.0, true), (0.9, true)] {
                let touched: [Int32] = [3, 1, 8, 6, 0]
                let parameter = table(rows: 10, width: width, touched: touched, random: &random)
                var config = optimizerConfig(.sgd, learningRate: 0.1, weightDecay: 0.01, dense: dense)
                config.momentum = momentum
                let sgd = SGD(config: config, parameters: [parameter])
                var w = parameter.values, velocity = [Float](repeating: 0, count: w.count)
                for step in 1...3 {
                    let lr = Float(0.1 / Double(step))
                    let indices = dense ? Array(0..<w.count) : touched.flatMap { row in (0..<width).map { Int(row) * width + $0 } }
                    for k in indices {
                        let gradient = parameter.gradient[k] + 0.01 * w[k]
                        velocity[k] = Float(momentum) * velocity[k] + gradient
                        w[k] = 1 * w[k] - lr * velocity[k]
                    }
                    sgd.step(parameters: [parameter], learningRate: Double(lr), beta1: momentum)
                    XCTAssertEqual(parameter.values.map(\.bitPattern), w.map(\.bitPattern), "width \(width) momentum \(momentum) step \(step)")
                    refill(parameter, touched: touched, random: &random)
                }
            }
        }
    }
}
