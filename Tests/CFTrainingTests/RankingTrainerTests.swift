import CFConfig
import CFCore
import CFData
import CFModels
import CFTestSupport
@testable import CFTraining
import XCTest

/// Where the trainer puts ranking metrics for `every: end`, `epoch` and `never`.
final class RankingTrainerTests: XCTestCase {
    private func train(every: RankingConfig.Every, split: DataSplit = Planted.split) throws -> TrainingResult {
        var config = Planted.config(.dotBias, epochs: 3)
        config.evaluation.ranking.every = every
        config.evaluation.ranking.k = [5, 10]
        let trainer = try Trainer(
            config: config, split: split, userCount: Planted.dataset.userCount, itemCount: Planted.dataset.itemCount,
            streams: RandomStreams(seed: 1)
        )
        return try trainer.run { _ in .continue }
    }

    func testEndPutsMetricsInTheFinalEpochOnly() throws {
        let result = try train(every: .end)
        XCTAssertNil(result.epochs[0].metrics["ndcg@10"])
        XCTAssertNotNil(result.finalMetrics["ndcg@10"])
        XCTAssertNotNil(result.finalMetrics["coverage@5"])
        XCTAssertGreaterThan(result.finalMetrics["ranking_users"] ?? 0, 0)
        if result.bestEpoch == result.modelEpoch { XCTAssertEqual(result.bestMetrics["ndcg@10"], result.finalMetrics["ndcg@10"]) }
    }

    func testEpochPutsMetricsInEveryEpochAndIsReproducible() throws {
        let first = try train(every: .epoch)
        let second = try train(every: .epoch)
        for (one, other) in zip(first.epochs, second.epochs) {
            XCTAssertNotNil(one.metrics["precision@5"])
            XCTAssertEqual(one.reproducibleMetrics, other.reproducibleMetrics)
        }
    }

    func testNeverAddsNothing() throws {
        let result = try train(every: .never)
        XCTAssertNil(result.finalMetrics["ranking_users"])
    }

    func testTestPartGetsItsOwnRankingMetrics() throws {
        var split = Planted.split
        let half = split.valid.count / 2
        split.test = split.valid.subset(half..<split.valid.count)
        split.valid = split.valid.subset(0..<half)
        let result = try train(every: .end, split: split)
        XCTAssertNotNil(result.testMetrics?["rmse"])
        XCTAssertNotNil(result.testMetrics?["recall@10"])
        XCTAssertNotEqual(result.testMetrics?["recall@10"], result.finalMetrics["recall@10"])
    }

    /// Scores item 0 by a script indexed by the epochs trained, item 1 at 3, item 2 at 4.
    final class ScriptedRanker: RatingModel {
        let kind: ModelConfig.Kind = .dot
        let counter = Parameter(name: "counter", shape: [1], values: [0], rowSparse: false)
        let script: [Float]
        init(script: [Float]) { self.script = script }
        var parameters: [Parameter] { [counter] }
        func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double {
            counter.values[0] += 1
            return 0
        }
        func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>) {
            let epoch = min(max(Int(counter.values[0]), 1), script.count)
            for index in 0..<items.count { output[index] = [script[epoch - 1], 3, 4][Int(items[index])] }
        }
    }

    func testEndMeasuresTheBestEpochOnItsOwnParameters() throws {
        // Valid: user 0 rated item 0 a 5 (relevant). Item 0 scores 4.5, 4.9, 2 after epochs
        // 1-3: epoch 2 is best (valid RMSE 0.1) and ranks item 0 first (NDCG 1); epoch 3
        // ranks it second, after item 1 (NDCG 1/log2 3). No early stopping: the model ends at epoch 3.
        let split = DataSplit(
            train: RatingSet(users: [0], items: [2], ratings: [4], timestamps: [0]),
            valid: RatingSet(users: [0], items: [0], ratings: [5], timestamps: [0]), test: nil, fingerprint: "scripted"
        )
        var config = ExperimentConfig()
        config.training.epochs = 3
        config.training.keep = .best
        let model = ScriptedRanker(script: [4.5, 4.9, 2])
        let trainer = try Trainer(config: config, split: split, userCount: 1, itemCount: 3, streams: RandomStreams(seed: 1)) { _, _, _ in model }
        let result = try trainer.run { _ in .continue }
        XCTAssertEqual(result.bestEpoch, 2)
        XCTAssertEqual(result.modelEpoch, 3)
        XCTAssertEqual(result.bestMetrics["ndcg@10"] ?? .nan, 1, accuracy: 1e-12)
        XCTAssertEqual(result.finalMetrics["ndcg@10"] ?? .nan, 1 / log2(3.0), accuracy: 1e-12)
        XCTAssertNil(result.epochs[0].metrics["ndcg@10"])
        XCTAssertEqual(model.counter.values, [3], "the model is put back to the last epoch")
    }
}
