import CFConfig
import CFCore
import CFData
import CFModels
@testable import CFTraining
import XCTest

/// Ranking metrics on four users worked out by hand, ties and skipped users included.
final class RankingEvaluatorTests: XCTestCase {
    /// Scores from a fixed users × items table.
    final class ScoreTable: RatingModel {
        let kind: ModelConfig.Kind = .globalMean
        let scores: [[Float]]
        init(_ scores: [[Float]]) { self.scores = scores }
        var parameters: [Parameter] { [] }
        func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double { 0 }
        func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>) {
            for index in 0..<users.count { output[index] = scores[Int(users[index])][Int(items[index])] }
        }
    }

    // Six items, four users.
    // User 0 trained on item 0; held out 1 (5.0), 2 (3.0), 3 (4.0): relevant {1, 3}.
    //   Scores 9, 2, 5, 5, 5, 1: candidates rank 2, 3, 4 (a tie, by id), then 1, then 5.
    // User 1 trained on 1 and 2; held out 0 (2.0): no relevant item, skipped.
    // User 2 has no held-out rating: neither ranked nor skipped.
    // User 3 trained on 5; held out 4 (4.5): scores 1 everywhere but 0 for item 4,
    //   so it ranks 0, 1, 2, 3, then 4.
    let training = RatingSet(users: [0, 1, 1, 2, 3], items: [0, 1, 2, 3, 5], ratings: [4, 3, 3, 3, 3], timestamps: [0, 0, 0, 0, 0])
    let heldOut = RatingSet(users: [0, 0, 0, 1, 3], items: [1, 2, 3, 0, 4], ratings: [5, 3, 4, 2, 4.5], timestamps: [0, 0, 0, 0, 0])
    let model = ScoreTable([[9, 2, 5, 5, 5, 1], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 0, 1]])

    func evaluator(k: [Int], chunkSize: Int = 4096) -> RankingEvaluator {
        var config = RankingConfig()
        config.k = k
        return RankingEvaluator(config: config, training: training, userCount: 4, itemCount: 6, chunkSize: chunkSize)
    }

    func testHandComputedMetricsAtTwoCutoffs() throws {
        let log3 = log2(3.0), log5 = log2(5.0), log6 = log2(6.0)
        let ideal = 1 + 1 / log3
        // K = 3: user 0 gets [2, 3, 4] (hit at rank 2); user 3 gets [0, 1, 2] (no hit).
        // K = 5: user 0 gets [2, 3, 4, 1, 5] (hits at 2 and 4); user 3 gets [0, 1, 2, 3, 4] (hit at 5).
        let expected: [String: Double] = [
            "ranking_users": 2, "ranking_users_skipped": 1,
            "precision@3": (1.0 / 3) / 2, "recall@3": 0.5 / 2, "ndcg@3": (1 / log3 / ideal) / 2,
            "hit_rate@3": 0.5, "trec_map@3": (0.5 / 2) / 2, "coverage@3": 5.0 / 6,
            "precision@5": (0.4 + 0.2) / 2, "recall@5": 1, "ndcg@5": ((1 / log3 + 1 / log5) / ideal + 1 / log6) / 2,
            "hit_rate@5": 1, "trec_map@5": ((0.5 + 0.5) / 2 + 0.2) / 2, "coverage@5": 1,
        ]
        for chunkSize in [1, 4, 4096] {
            let metrics = evaluator(k: [5, 3, 5], chunkSize: chunkSize).evaluate(model: model, heldOut: heldOut)
            XCTAssertEqual(Set(metrics.keys), Set(expected.keys))
            for (name, value) in expected {
                XCTAssertEqual(metrics[name] ?? .nan, value, accuracy: 1e-12, "\(name), chunk \(chunkSize)")
            }
        }
    }

    func testTrainingItemsAreNeverRanked() {
        // User 0's training item 0 scores highest but is not a candidate; with K = 6 only five remain.
        var totals = RankingTotals(cutoff: 6)
        totals.add(relevance: [false, true, false, true, false], relevantCount: 2)
        let metrics = evaluator(k: [6]).evaluate(model: model, heldOut: heldOut)
        XCTAssertEqual(metrics["precision@6"] ?? .nan, (2.0 / 6 + 1.0 / 6) / 2, accuracy: 1e-12)
        XCTAssertEqual(totals.precision, 2.0 / 6, accuracy: 1e-12)
    }

    func testNoRelevantUserGivesCountsOnly() {
        let lowRatings = RatingSet(users: [0, 3], items: [1, 4], ratings: [2, 3], timestamps: [0, 0])
        let metrics = evaluator(k: [3]).evaluate(model: model, heldOut: lowRatings)
        XCTAssertEqual(metrics, ["ranking_users": 0, "ranking_users_skipped": 2])
    }

    func testMapDividesByEveryRelevantItemAsTrecEvalDoes() {
        // Three relevant items, K = 2, hits at ranks 1 and 2: AP = (1/1 + 2/2) / 3 = 2/3
        // (trec_eval's map_cut_2; RecBole's min(K, R) convention would give 1).
        var totals = RankingTotals(cutoff: 2)
        totals.add(relevance: [true, true, true], relevantCount: 3)
        XCTAssertEqual(totals.means["trec_map@2"] ?? .nan, 2.0 / 3, accuracy: 1e-12)
        XCTAssertNil(totals.means["map@2"], "the old name is not reused")
        XCTAssertEqual(totals.means["recall@2"] ?? .nan, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(totals.means["ndcg@2"] ?? .nan, 1, accuracy: 1e-12)
    }

    func testEachMetricOnSmallListsByHand() {
        // K = 4, R = 3, relevance at ranks 2 and 4 (1-based).
        var totals = RankingTotals(cutoff: 4)
        totals.add(relevance: [false, true, false, true], relevantCount: 3)
        let metrics = totals.means
        XCTAssertEqual(metrics["precision@4"] ?? .nan, 2.0 / 4, accuracy: 1e-12)
        XCTAssertEqual(metrics["recall@4"] ?? .nan, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(metrics["hit_rate@4"] ?? .nan, 1, accuracy: 1e-12)
        // AP: precision at each hit (1/2 at rank 2, 2/4 at rank 4) over R = 3.
        XCTAssertEqual(metrics["trec_map@4"] ?? .nan, (0.5 + 0.5) / 3, accuracy: 1e-12)
        // DCG = 1/log2(3) + 1/log2(5); ideal DCG puts min(K, R) = 3 hits at ranks 1-3.
        let dcg = 1 / log2(3.0) + 1 / log2(5.0)
        let ideal = 1 + 1 / log2(3.0) + 1 / log2(4.0)
        XCTAssertEqual(metrics["ndcg@4"] ?? .nan, dcg / ideal, accuracy: 1e-12)
        // A list shorter than K counts the missing ranks as misses; no hit gives zeros.
        var short = RankingTotals(cutoff: 3)
        short.add(relevance: [true], relevantCount: 1)
        short.add(relevance: [false, false, false], relevantCount: 2)
        XCTAssertEqual(short.means["precision@3"] ?? .nan, (1.0 / 3 + 0) / 2, accuracy: 1e-12)
        XCTAssertEqual(short.means["trec_map@3"] ?? .nan, (1 + 0) / 2, accuracy: 1e-12)
        XCTAssertEqual(short.means["ndcg@3"] ?? .nan, (1 + 0) / 2, accuracy: 1e-12)
        XCTAssertEqual(short.means["hit_rate@3"] ?? .nan, 0.5, accuracy: 1e-12)
    }
}
