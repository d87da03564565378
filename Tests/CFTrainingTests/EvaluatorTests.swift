import CFData
import CFModels
@testable import CFTraining
import XCTest

/// RMSE, MAE, cold start and clipping on four ratings worked out by hand.
final class EvaluatorTests: XCTestCase {
    // (user, item, rating) → prediction: (0,0,4) → 3.5, (0,1,2) → 2.5, (1,0,5) → 6, (2,0,1) → 3
    // (fallback). User 2 is unseen in training. Errors -0.5, 0.5, 1, 2.
    private let ratings = RatingSet(users: [0, 0, 1, 2], items: [0, 1, 0, 0], ratings: [4, 2, 5, 1], timestamps: [0, 0, 0, 0])
    private let model = TableModel(predictions: [0: 3.5, 1: 2.5, 1 << 32: 6], fallback: 3)
    private let statistics = TrainingStatistics(
        globalMean: 3, ratingMin: 1, ratingMax: 5, userSeen: [true, true, false], itemSeen: [true, true]
    )

    func testMetricsWithoutClipping() {
        for chunkSize in [1, 3, 4096] {
            let metrics = Evaluator(chunkSize: chunkSize).evaluate(
                model: model, on: ratings, statistics: statistics, clip: false, ratingRange: 1...5
            )
            XCTAssertEqual(metrics["rmse"] ?? .nan, (5.5 / 4).squareRoot(), accuracy: 1e-12)
            XCTAssertEqual(metrics["mae"] ?? .nan, 1.0, accuracy: 1e-12)
            XCTAssertEqual(metrics["count"], 4)
            XCTAssertEqual(metrics["cold_start"], 1)
        }
    }

    func testClippingToTheRatingRange() {
        // 6 clips to 5: errors -0.5, 0.5, 0, 2.
        let metrics = Evaluator().evaluate(model: model, on: ratings, statistics: statistics, clip: true, ratingRange: 1...5)
        XCTAssertEqual(metrics["rmse"] ?? .nan, (4.5 / 4).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(metrics["mae"] ?? .nan, 0.75, accuracy: 1e-12)
    }

    func testEmptySetHasCountsOnly() {
        let metrics = Evaluator().evaluate(model: model, on: RatingSet(), statistics: statistics, clip: false, ratingRange: 1...5)
        XCTAssertEqual(metrics, ["count": 0, "cold_start": 0])
    }
}
