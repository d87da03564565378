/// Batch normalisation over the features of a [rows, features] batch (PyTorch `BatchNorm1d`).
///
/// Training: μ and σ² are the batch mean and biased variance per feature,
/// x̂ = (x - μ)·s with s = 1/√(σ² + ε), y = γ·x̂ + β, and the running statistics move
/// by `momentum`: running ← (1 - m)·running + m·batch (the variance unbiased, ×B/(B-1)).
/// Inference uses the running statistics instead. Backward (training statistics):
/// ∂L/∂γ += Σ g·x̂, ∂L/∂β += Σ g, ∂L/∂x = γ·s·(g - Σg/B - x̂·Σ(g·x̂)/B).
/// γ starts at 1 and β at 1e-3 (fastai's `BatchNorm`); running mean 0, variance 1.
/// The running statistics are buffers: saved with the model, never optimised.
final class BatchNormLayer {
    let gamma: Parameter
    let beta: Parameter
    let runningMean: Parameter
    let runningVariance: Parameter
    let features: Int
    let momentum: Float = 0.1
    let epsilon: Float = 1e-5
    private let normalized = ScratchBuffer()
    /// Per-feature work areas, allocated once (no exclusivity checks in the loops).
    private let inverseStd: UnsafeMutableBufferPointer<Float>
    private let firstSums: UnsafeMutableBufferPointer<Double>
    private let secondSums: UnsafeMutableBufferPointer<Double>

    init(name: String, features: Int) {
        self.features = features
        func vector(_ suffix: String, _ value: Float) -> Parameter {
            Parameter(
                name: "\(name).\(suffix)", shape: [features],
                values: [Float](repeating: value, count: features), rowSparse: false)
        }
        gamma = vector("gamma", 1)
        beta = vector("beta", 1e-3)
        runningMean = vector("running_mean", 0)
        runningVariance = vector("running_var", 1)
        inverseStd = .allocate(capacity: features)
        inverseStd.initialize(repeating: 1)
        firstSums = .allocate(capacity: features)
        firstSums.initialize(repeating: 0)
        secondSums = .allocate(capacity: features)
        secondSums.initialize(repeating: 0)
    }

    deinit {
        inverseStd.deallocate()
        firstSums.deallocate()
        secondSums.deallocate()
    }

    /// Normalises with the batch statistics, keeps x̂ for `backward`, updates the running ones.
    func forwardTraining(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int) {
        guard rows > 0 else { return }
        normalized.reserve(rows * features)
        let xhat = normalized.pointer
        let (features, inverseStd, firstSums, secondSums) = (features, inverseStd, firstSums, secondSums)
        clearSums()
        for row in 0..<rows {
            for feature in 0..<features {
                let value = Double(input[row * features + feature])
                firstSums[feature] += value
                secondSums[feature] += value * value
            }
        }
        for feature in 0..<features {
            let mean = firstSums[feature] / Double(rows)
            let variance = max(secondSums[feature] / Double(rows) - mean * mean, 0)
            // Running statistics use the unbiased variance, as PyTorch does.
            let unbiased = rows > 1 ? variance * Double(rows) / Double(rows - 1) : variance
            runningMean.values[feature] = (1 - momentum) * runningMean.values[feature] + momentum * Float(mean)
            runningVariance.values[feature] = (1 - momentum) * runningVariance.values[feature] + momentum * Float(unbiased)
            firstSums[feature] = mean
            inverseStd[feature] = 1 / (Float(variance) + epsilon).squareRoot()
        }
        gamma.values.withUnsafeBufferPointer { gamma in
            beta.values.withUnsafeBufferPointer { beta in
                for row in 0..<rows {
                    for feature in 0..<features {
                        let index = row * features + feature
                        xhat[index] = (input[index] - Float(firstSums[feature])) * inverseStd[feature]
                        output[index] = gamma[feature] * xhat[index] + beta[feature]
                    }
                }
            }
        }
    }

    /// y = γ·(x - running mean)/√(running var + ε) + β.
    func forwardInference(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int) {
        for feature in 0..<features {
            inverseStd[feature] = 1 / (runningVariance.values[feature] + epsilon).squareRoot()
        }
        let (features, inverseStd) = (features, inverseStd)
        gamma.values.withUnsafeBufferPointer { gamma in
            beta.values.withUnsafeBufferPointer { beta in
                runningMean.values.withUnsafeBufferPointer { mean in
                    for row in 0..<rows {
                        for feature in 0..<features {
                            let index = row * features + feature
                            output[index] = gamma[feature] * (input[index] - mean[feature]) * inverseStd[feature] + beta[feature]
                        }
                    }
                }
            }
        }
    }

    /// Accumulates ∂L/∂γ, ∂L/∂β and writes ∂L/∂x; `inputGradient` may alias `outputGradient`.
    func backward(outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>, rows: Int) {
        guard rows > 0 else { return }
        let xhat = normalized.pointer
        let (features, inverseStd, firstSums, secondSums) = (features, inverseStd, firstSums, secondSums)
        clearSums()
        for row in 0..<rows {
            for feature in 0..<features {
                let index = row * features + feature
                firstSums[feature] += Double(outputGradient[index])
                secondSums[feature] += Double(outputGradient[index] * xhat[index])
            }
        }
        for feature in 0..<features {
            beta.gradient[feature] += Float(firstSums[feature])
            gamma.gradient[feature] += Float(secondSums[feature])
            firstSums[feature] /= Double(rows)
            secondSums[feature] /= Double(rows)
        }
        gamma.values.withUnsafeBufferPointer { gamma in
            for row in 0..<rows {
                for feature in 0..<features {
                    let index = row * features + feature
                    let centred = outputGradient[index] - Float(firstSums[feature]) - xhat[index] * Float(secondSums[feature])
                    inputGradient[index] = gamma[feature] * inverseStd[feature] * centred
                }
            }
        }
    }

    var parameters: [Parameter] { [gamma, beta] }
    var buffers: [Parameter] { [runningMean, runningVariance] }

    private func clearSums() {
        firstSums.update(repeating: 0)
        secondSums.update(repeating: 0)
    }
}
