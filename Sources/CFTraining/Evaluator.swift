import CFCore
import CFData
import CFModels

/// Scores a model on a set of ratings: RMSE, MAE, count and cold-start count.
///
/// With predictions r̂ (optionally clipped to `ratingRange`) and n ratings r:
/// rmse = √(Σ(r̂ − r)²/n), mae = Σ|r̂ − r|/n, `cold_start` = the number of ratings whose
/// user or item was not seen in training (they got the model's fallback). Each prediction
/// depends only on its pair, so they may be computed in any grouping: on the calling
/// thread in chunks of `chunkSize` through `RatingModel.predict`, or, when the model
/// predicts concurrently (`RatingPredictor.predictsConcurrently`) and `threads` > 1, in
/// rounds of `threads` pieces of `pieceSize` ratings, one piece per thread, into a Float
/// buffer allocated once. Either way the sums then accumulate in Double on the calling
/// thread in rating order, so results depend neither on threads nor on the chunk or
/// piece size. An empty set yields only `count` and `cold_start` (both 0). The result is
/// an open dictionary so ranking metrics can join.
public final class Evaluator {
    public static let rmse = "rmse", mae = "mae", count = "count", coldStart = "cold_start"

    public let chunkSize: Int
    /// The most threads predictions run on (`training.threads`).
    public let threads: Int
    /// Ratings per piece of a parallel round.
    public let pieceSize: Int
    private var predictions: [Float]

    public init(chunkSize: Int = 4096, threads: Int = 1, pieceSize: Int = 65_536) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        precondition(pieceSize > 0, "pieceSize must be positive")
        self.chunkSize = chunkSize
        self.threads = max(1, threads)
        self.pieceSize = pieceSize
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
        var sums = ErrorSums(clip: clip, range: ratingRange)
        var coldStart = 0
        let count = ratings.count
        let workers = model.predictsConcurrently ? min(threads, (count + pieceSize - 1) / pieceSize) : 1
        let round = workers > 1 ? workers * pieceSize : chunkSize
        if predictions.count < round { predictions = [Float](repeating: 0, count: round) }
        ratings.users.withUnsafeBufferPointer { users in
            ratings.items.withUnsafeBufferPointer { items in
                ratings.ratings.withUnsafeBufferPointer { targets in
                    predictions.withUnsafeMutableBufferPointer { output in
                        var start = 0
                        while start < count {
                            let end = min(start + round, count)
                            let chunk = UnsafeMutableBufferPointer(rebasing: output[0..<(end - start)])
                            if workers > 1 {
                                coldStart += Self.predictInPieces(
                                    model: model, users: users, items: items, range: start..<end, pieceSize: pieceSize,
                                    workers: workers, statistics: statistics, into: chunk)
                            } else {
                                model.predict(
                                    users: UnsafeBufferPointer(rebasing: users[start..<end]),
                                    items: UnsafeBufferPointer(rebasing: items[start..<end]),
                                    into: chunk
                                )
                            }
                            for offset in 0..<(end - start) { sums.add(prediction: chunk[offset], target: targets[start + offset]) }
                            start = end
                        }
                    }
                }
                if workers <= 1 { coldStart = statistics.coldStartCount(users: users, items: items) }
            }
        }
        var metrics: [String: Double] = [Self.count: Double(count), Self.coldStart: Double(coldStart)]
        if count > 0 {
            metrics[Self.rmse] = (sums.squared / Double(count)).squareRoot()
            metrics[Self.mae] = sums.absolute / Double(count)
        }
        return metrics
    }

    /// Predicts the ratings of `range` into `output` (its first `range.count` slots), one
    /// piece of `pieceSize` per thread, and returns how many of them are cold-start pairs.
    private static func predictInPieces(
        model: any RatingPredictor, users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, range: Range<Int>,
        pieceSize: Int, workers: Int, statistics: TrainingStatistics, into output: UnsafeMutableBufferPointer<Float>
    ) -> Int {
        let pieces = (range.count + pieceSize - 1) / pieceSize
        var coldCounts = [Int](repeating: 0, count: pieces)
        let (userBase, itemBase) = (SharedPointer(UnsafeMutablePointer(mutating: users.baseAddress!)),
                                    SharedPointer(UnsafeMutablePointer(mutating: items.baseAddress!)))
        let predictions = SharedPointer(output.baseAddress!)
        coldCounts.withUnsafeMutableBufferPointer { counts in
            let cold = SharedPointer(counts.baseAddress!)
            ParallelLoop.run(pieces, threads: workers) { piece in
                let first = range.lowerBound + piece * pieceSize
                let length = min(pieceSize, range.upperBound - first)
                let pieceUsers = UnsafeBufferPointer(start: userBase.base + first, count: length)
                let pieceItems = UnsafeBufferPointer(start: itemBase.base + first, count: length)
                model.predict(
                    users: pieceUsers, items: pieceItems,
                    into: UnsafeMutableBufferPointer(start: predictions.base + (first - range.lowerBound), count: length))
                cold[piece] = statistics.coldStartCount(users: pieceUsers, items: pieceItems)
            }
        }
        return coldCounts.reduce(0, +)
    }
}

/// Σ(r̂ − r)² and Σ|r̂ − r| in Double, added in rating order.
private struct ErrorSums {
    let clip: Bool
    let range: ClosedRange<Float>
    var squared = 0.0
    var absolute = 0.0

    init(clip: Bool, range: ClosedRange<Float>) {
        self.clip = clip
        self.range = range
    }

    @inline(__always)
    mutating func add(prediction: Float, target: Float) {
        var prediction = prediction
        if clip { prediction = min(max(prediction, range.lowerBound), range.upperBound) }
        let error = Double(prediction) - Double(target)
        squared += error * error
        absolute += abs(error)
    }
}
