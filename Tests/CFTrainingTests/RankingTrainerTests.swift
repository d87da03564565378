import CFConfig
import CFCore
import CFData
import CFModels
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
}
