import CFConfig
import CFCore

/// The simplest baseline: every rating is predicted as the training mean.
///
/// Forward: r̂ = μ with μ = `statistics.globalMean`. It has no parameters, so the
/// backward pass adds nothing; `forwardBackward` only reports Σ (r̂ - r)².
/// Cold start: none needed, every pair gets μ.
public final class GlobalMeanModel: RatingModel {
    public let kind: ModelConfig.Kind = .globalMean
    public let statistics: TrainingStatistics

    public init(statistics: TrainingStatistics) {
        self.statistics = statistics
    }

    public var parameters: [Parameter] { [] }

    /// `predict` only reads the model.
    public var predictsConcurrently: Bool { true }

    public func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double {
        let mean = statistics.globalMean
        var squaredErrorSum = 0.0
        for rating in batch.ratings {
            let error = mean - rating
            squaredErrorSum += Double(error * error)
        }
        return squaredErrorSum
    }

    public func predict(
        users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>,
        into output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(users.count == items.count && items.count <= output.count, "predict: length mismatch")
        let mean = statistics.globalMean
        for index in 0..<users.count { output[index] = mean }
    }
}
