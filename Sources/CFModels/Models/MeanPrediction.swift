/// The mean of several trained models' predictions: a seed ensemble.
///
/// For each pair, r̂ = (1/M) Σ_m r̂_m, summed in Float in model order, so the result
/// depends only on the models and their order. Each model applies its own cold-start
/// fallback. It is not trained: it only scores.
public final class MeanPrediction: RatingPredictor {
    public let models: [any RatingPredictor]
    private var scratch: [Float] = []

    public init(models: [any RatingPredictor]) {
        precondition(!models.isEmpty, "a mean needs at least one model")
        self.models = models
    }

    public func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>) {
        let count = output.count
        if scratch.count < count { scratch = [Float](repeating: 0, count: count) }
        for index in 0..<count { output[index] = 0 }
        scratch.withUnsafeMutableBufferPointer { buffer in
            let part = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            for model in models {
                model.predict(users: users, items: items, into: part)
                for index in 0..<count { output[index] += part[index] }
            }
        }
        let scale = 1 / Float(models.count)
        for index in 0..<count { output[index] *= scale }
    }
}
