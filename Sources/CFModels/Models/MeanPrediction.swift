/// The mean of several trained models' predictions: a seed ensemble, or a weighted one.
///
/// For each pair, r̂ = (1/C) Σ_m c_m r̂_m with C = Σ_m c_m, where each model's prediction
/// is added c_m times (its count, 1 by default) rather than multiplied, summed in Float in
/// model order. So a model counted twice gives the bits of the same model listed twice,
/// and the result depends only on the models, their counts and their order. Each model
/// applies its own cold-start fallback. It is not trained: it only scores.
public final class MeanPrediction: RatingPredictor {
    public let models: [any RatingPredictor]
    /// How many times each model is counted (every count ≥ 1).
    public let counts: [Int]
    private var scratch: [Float] = []

    public init(models: [any RatingPredictor], counts: [Int]? = nil) {
        precondition(!models.isEmpty, "a mean needs at least one model")
        let counts = counts ?? [Int](repeating: 1, count: models.count)
        precondition(counts.count == models.count && counts.allSatisfy { $0 >= 1 }, "one count of at least 1 per model")
        self.models = models
        self.counts = counts
    }

    public func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>) {
        let count = output.count
        if scratch.count < count { scratch = [Float](repeating: 0, count: count) }
        for index in 0..<count { output[index] = 0 }
        scratch.withUnsafeMutableBufferPointer { buffer in
            let part = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            for (model, times) in zip(models, counts) {
                model.predict(users: users, items: items, into: part)
                for _ in 0..<times {
                    for index in 0..<count { output[index] += part[index] }
                }
            }
        }
        let scale = 1 / Float(counts.reduce(0, +))
        for index in 0..<count { output[index] *= scale }
    }
}
