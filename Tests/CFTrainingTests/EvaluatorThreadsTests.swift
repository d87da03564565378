import CFConfig
import CFCore
import CFData
import CFModels
import CFTestSupport
@testable import CFTraining
import XCTest

/// The evaluator's metrics are the sequential reference's bits for any thread count and
/// piece size: predictions may be made in parallel, the sums are not reordered.
final class EvaluatorThreadsTests: XCTestCase {
    /// RMSE and MAE as the evaluator computed them before threads: every pair predicted
    /// alone, sums in Double in rating order.
    func reference(_ model: any RatingModel, on ratings: RatingSet, clip: Bool, range: ClosedRange<Float>) -> (Double, Double) {
        var squared = 0.0, absolute = 0.0
        for index in 0..<ratings.count {
            var prediction = model.predict(users: [ratings.users[index]], items: [ratings.items[index]])[0]
            if clip { prediction = min(max(prediction, range.lowerBound), range.upperBound) }
            let error = Double(prediction) - Double(ratings.ratings[index])
            squared += error * error
            absolute += abs(error)
        }
        let count = Double(ratings.count)
        return ((squared / count).squareRoot(), absolute / count)
    }

    func coldCount(_ statistics: TrainingStatistics, _ ratings: RatingSet) -> Int {
        ratings.users.withUnsafeBufferPointer { users in
            ratings.items.withUnsafeBufferPointer { statistics.coldStartCount(users: users, items: $0) }
        }
    }

    func testEveryThreadCountAndPieceSizeGivesTheSequentialBits() throws {
        var config = Planted.config(.dotBias, epochs: 2)
        config.model.yRange = .fixed(low: 1, high: 5)
        config.evaluation.ranking.every = .never
        let split = RankingParityTests.split
        let trainer = try Trainer(
            config: config, split: split, userCount: Planted.dataset.userCount, itemCount: Planted.dataset.itemCount,
            streams: RandomStreams(seed: 1))
        let model = try trainer.run { _ in .continue }.model
        XCTAssertTrue(model.predictsConcurrently)
        for part in [split.train, split.valid] {
            for clip in [false, true] {
                let (rmse, mae) = reference(model, on: part, clip: clip, range: 1.5...4.5)
                let cold = coldCount(trainer.statistics, part)
                for threads in [1, 2, 4] {
                    for pieceSize in [1, 7, 100, 65_536] {
                        let metrics = Evaluator(chunkSize: 13, threads: threads, pieceSize: pieceSize).evaluate(
                            model: model, on: part, statistics: trainer.statistics, clip: clip, ratingRange: 1.5...4.5)
                        let label = "\(part.count) ratings, clip \(clip), threads \(threads), piece \(pieceSize)"
                        XCTAssertEqual(metrics[Evaluator.rmse]?.bitPattern, rmse.bitPattern, label)
                        XCTAssertEqual(metrics[Evaluator.mae]?.bitPattern, mae.bitPattern, label)
                        XCTAssertEqual(metrics[Evaluator.count], Double(part.count), label)
                        XCTAssertEqual(metrics[Evaluator.coldStart], Double(cold), label)
                    }
                }
            }
        }
        XCTAssertGreaterThan(coldCount(trainer.statistics, split.valid), 0)
    }

    func testAModelThatCannotPredictConcurrentlyStaysOnTheCallingThread() {
        // TableModel keeps the default (false): any thread count gives its one-thread result.
        let model = TableModel(predictions: [0: 3.5, 1: 2.5], fallback: 3)
        let ratings = RatingSet(users: [0, 0, 1], items: [0, 1, 0], ratings: [4, 2, 5], timestamps: [0, 0, 0])
        let statistics = TrainingStatistics(globalMean: 3, ratingMin: 1, ratingMax: 5, userSeen: [true, false], itemSeen: [true, true])
        XCTAssertFalse(model.predictsConcurrently)
        let one = Evaluator().evaluate(model: model, on: ratings, statistics: statistics, clip: false, ratingRange: 1...5)
        let four = Evaluator(threads: 4, pieceSize: 1).evaluate(model: model, on: ratings, statistics: statistics, clip: false, ratingRange: 1...5)
        XCTAssertEqual(one, four)
        XCTAssertEqual(four[Evaluator.coldStart], 1)
    }
}
