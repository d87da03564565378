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
    /// Per-shard column sums of a sharded batch (`training.shards`).
    private let shardSums = DoubleScratch()
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
        clearSums()
        Self.addColumnSums(input, rows: rows, features: features, first: firstSums.baseAddress!, second: secondSums.baseAddress!)
        finishStatistics(rows: rows)
        normalize(input, into: output, rows: 0..<rows)
    }

    /// Adds each feature's Σ x and Σ x² over `rows` rows of `input` to `first` and `second`, row by row.
    static func addColumnSums(
        _ input: UnsafePointer<Float>, rows: Int, features: Int,
        first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>
    ) {
        for row in 0..<rows {
            for feature in 0..<features {
                let value = Double(input[row * features + feature])
                first[feature] += value
                second[feature] += value * value
            }
        }
    }

    /// From Σ x and Σ x² over the batch's `rows` rows (`firstSums`, `secondSums`): the
    /// batch means (left in `firstSums`), 1/√(σ² + ε) and the running statistics.
    func finishStatistics(rows: Int) {
        let (features, inverseStd, firstSums, secondSums) = (features, inverseStd, firstSums, secondSums)
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
    }

    /// x̂ and y = γ·x̂ + β for `rows` (of the batch whose statistics `finishStatistics` made);
    /// `input` and `output` point at the batch's first row. Reads only, apart from its rows.
    func normalize(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Range<Int>) {
        let xhat = normalized.pointer
        let (features, inverseStd, firstSums) = (features, inverseStd, firstSums)
        gamma.values.withUnsafeBufferPointer { gamma in
            beta.values.withUnsafeBufferPointer { beta in
                for row in rows {
                    for feature in 0..<features {
                        let index = row * features + feature
                        xhat[index] = (input[index] - Float(firstSums[feature])) * inverseStd[feature]
                        output[index] = gamma[feature] * xhat[index] + beta[feature]
                    }
                }
            }
        }
    }

    /// Makes room for x̂ of `rows` rows before shards write their parts of it.
    func reserve(rows: Int) {
        normalized.reserve(rows * features)
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
        clearSums()
        gradientSums(outputGradient, rows: 0..<rows, first: firstSums.baseAddress!, second: secondSums.baseAddress!)
        finishGradientSums(rows: rows)
        inputGradients(outputGradient, into: inputGradient, rows: 0..<rows)
    }

    /// Adds each feature's Σ g and Σ g·x̂ over `rows` (of the batch) to `first` and `second`, row by row.
    func gradientSums(
        _ outputGradient: UnsafePointer<Float>, rows: Range<Int>, first: UnsafeMutablePointer<Double>,
        second: UnsafeMutablePointer<Double>
    ) {
        let xhat = normalized.pointer
        let features = features
        for row in rows {
            for feature in 0..<features {
                let index = row * features + feature
                first[feature] += Double(outputGradient[index])
                second[feature] += Double(outputGradient[index] * xhat[index])
            }
        }
    }

    /// ∂L/∂β += Σ g, ∂L/∂γ += Σ g·x̂ from the batch's sums, which become their means over `rows`.
    func finishGradientSums(rows: Int) {
        let (firstSums, secondSums) = (firstSums, secondSums)
        for feature in 0..<features {
            beta.gradient[feature] += Float(firstSums[feature])
            gamma.gradient[feature] += Float(secondSums[feature])
            firstSums[feature] /= Double(rows)
            secondSums[feature] /= Double(rows)
        }
    }

    /// ∂L/∂x = γ·s·(g - mean g - x̂·mean(g·x̂)) for `rows` of the batch (the means from
    /// `finishGradientSums`); `inputGradient` may alias `outputGradient`.
    func inputGradients(_ outputGradient: UnsafePointer<Float>, into inputGradient: UnsafeMutablePointer<Float>, rows: Range<Int>) {
        let xhat = normalized.pointer
        let (features, inverseStd, firstSums, secondSums) = (features, inverseStd, firstSums, secondSums)
        gamma.values.withUnsafeBufferPointer { gamma in
            for row in rows {
                for feature in 0..<features {
                    let index = row * features + feature
                    let centred = outputGradient[index] - Float(firstSums[feature]) - xhat[index] * Float(secondSums[feature])
                    inputGradient[index] = gamma[feature] * inverseStd[feature] * centred
                }
            }
        }
    }

    /// The batch's column sums from per-shard ones: `firstSums`, `secondSums` become
    /// Σ over the `shards` shards, in shard order, of `shardSums`' pairs.
    func combineShardSums(_ shards: Int) {
        clearSums()
        let (features, firstSums, secondSums) = (features, firstSums, secondSums)
        let sums = shardSums.pointer
        for shard in 0..<shards {
            let base = sums + shard * 2 * features
            for feature in 0..<features {
                firstSums[feature] += base[feature]
                secondSums[feature] += base[features + feature]
            }
        }
    }

    /// Room for `shards` pairs of per-feature sums, zeroed; shard s's Σ at s·2·features,
    /// its second sum after that.
    func clearShardSums(_ shards: Int) -> UnsafeMutablePointer<Double> {
        shardSums.reserve(shards * 2 * features)
        shardSums.pointer.update(repeating: 0, count: shards * 2 * features)
        return shardSums.pointer
    }

    var parameters: [Parameter] { [gamma, beta] }
    var buffers: [Parameter] { [runningMean, runningVariance] }

    private func clearSums() {
        firstSums.update(repeating: 0)
        secondSums.update(repeating: 0)
    }
}
