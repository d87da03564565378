import CFData
import CFModels

/// Scores a model on a set of ratings: RMSE, MAE, count and cold-start count.
///
/// With predictions r̂ (optionally clipped to `ratingRange`) and n ratings r:
/// rmse = √(Σ(r̂ − r)²/n), mae = Σ|r̂ − r|/n, `cold_start` = the number of ratings whose
/// user or item was not seen in training (they got the model's fallback). Predictions
/// run in fixed chunks of `chunkSize` through `RatingModel.predict` into a buffer
/// allocated once, and sums accumulate in Double in rating order, so results depend
/// neither on threads nor on the chunk size. An empty set yields only `count` and
/// `cold_start` (both 0). The result is an open dictionary so ranking metrics can join.
public final class Evaluator {
    public static let rmse = "rmse", mae = "mae", count = "count", coldStart = "cold_start"

    public let chunkSize: Int
    private var predictions: [Float]

    public init(chunkSize: Int = 4096) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.chunkSize = chunkSize
        predictions = [Float](repeating: 0, count: chunkSize)
    }

    /// The metrics of `model` on `ratings`.
    ///
    /// - Parameters:
    ///   - statistics: the training statistics, for the cold-start count.
    ///   - clip: clip each prediction into `ratingRange` before scoring.
    public func evaluate(
        model: any RatingPredictor, on ratings: RatingSet, statistics: TrainingStatistics,
        clip: Bool, ratingRange: ClosedRange<Float>
    ) -> [String: Double] {
        var squaredSum = 0.0, absoluteSum = 0.0
        var coldStart = 0
        let count = ratings.count
        ratings.users.withUnsafeBufferPointer { users in
            ratings.items.withUnsafeBufferPointer { items in
                ratings.ratings.withUnsafeBufferPointer { targets in
                    predictions.withUnsafeMutableBufferPointer { output in
                        var start = 0
                        while start < count {
                            let end = min(start + chunkSize, count)
                            let chunk = UnsafeMutableBufferPointer(rebasing: output[0..<(end - start)])
                            model.predict(
                                users: UnsafeBufferPointer(rebasing: users[start..<end]),
                                items: UnsafeBufferPointer(rebasing: items[start..<end]),
                                into: chunk
                            )
                            for offset in 0..<(end - start) {
                                var prediction = chunk[offset]
                                if clip { prediction = min(max(prediction, ratingRange.lowerBound), ratingRange.upperBound) }
                                let error = Double(prediction) - Double(targets[start + offset])
                                squaredSum += error * error
                                absoluteSum += abs(error)
                            }
                            start = end
                        }
                    }
                }
                coldStart = statistics.coldStartCount(users: users, items: items)
            }
        }
        var metrics: [String: Double] = [Self.count: Double(count), Self.coldStart: Double(coldStart)]
        if count > 0 {
            metrics[Self.rmse] = (squaredSum / Double(count)).squareRoot()
            metrics[Self.mae] = absoluteSum / Double(count)
        }
        return metrics
    }
}
