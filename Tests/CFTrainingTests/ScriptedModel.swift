import CFConfig
import CFCore
import CFModels

/// A fake model whose validation error per epoch is scripted, for early-stopping tests.
///
/// Its one parameter holds the number of training steps taken so far; with one batch
/// per epoch that is the epoch number e. It predicts `errors[e − 1]` for every pair, so
/// on all-zero validation ratings valid_rmse = |errors[e − 1]|. After a restore the
/// parameter (and so the prediction) is that of the restored epoch.
final class ScriptedModel: RatingModel {
    let kind: ModelConfig.Kind = .dot
    let counter = Parameter(name: "counter", shape: [1], values: [0], rowSparse: false)
    let errors: [Float]

    init(errors: [Float]) {
        self.errors = errors
    }

    var parameters: [Parameter] { [counter] }

    func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double {
        counter.values[0] += 1
        return 0
    }

    func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>) {
        let epoch = max(Int(counter.values[0]), 1)
        for index in 0..<output.count { output[index] = errors[min(epoch, errors.count) - 1] }
    }
}

/// A fake model with a fixed prediction per (user, item) and a fallback, for evaluator tests.
final class TableModel: RatingModel {
    let kind: ModelConfig.Kind = .globalMean
    let predictions: [Int64: Float]
    let fallback: Float

    init(predictions: [Int64: Float], fallback: Float) {
        self.predictions = predictions
        self.fallback = fallback
    }

    var parameters: [Parameter] { [] }

    func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double { 0 }

    func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>) {
        for index in 0..<output.count {
            output[index] = predictions[Int64(users[index]) << 32 | Int64(items[index])] ?? fallback
        }
    }
}
