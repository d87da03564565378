import CFAnalysis
import CFStore
import XCTest

/// Recommendations rank unrated items by prediction and never return a rated one.
final class RecommendationTests: XCTestCase {
    func testRanksUnratedItemsByPrediction() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        // User 1 rated 10 and 20 in training; x = 1.1 for 30, 0.9 for 40, -0.7 for 50.
        let training = try Recommendations(run: run, user: 0, count: 10, minimumRatings: 0, excluding: .train)
        XCTAssertEqual(training.items.map(\.item), [2, 3, 4])
        XCTAssertEqual(Double(training.items[0].prediction), 5.5 / (1 + exp(-1.1)), accuracy: 1e-5)
        // 40 was rated in validation.
        let all = try Recommendations(run: run, user: 0, count: 10, minimumRatings: 0, excluding: .all)
        XCTAssertEqual(all.items.map(\.item), [2, 4])
        XCTAssertEqual(try Recommendations(run: run, user: 0, count: 1, minimumRatings: 0, excluding: .train).items.map(\.item), [2])
    }

    func testNeverReturnsATrainingRatedItem() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        let pairs = try XCTUnwrap(run.metadata.ratedPairs)
        for user in Int32(0)..<4 {
            for exclusion in Recommendations.Exclusion.allCases {
                let recommended = try? Recommendations(run: run, user: user, count: 10, minimumRatings: 0, excluding: exclusion)
                for entry in recommended?.items ?? [] {
                    XCTAssertNil(pairs.training.rating(user: user, item: entry.item), "user \(user) item \(entry.item)")
                    if exclusion == .all { XCTAssertNil(pairs.heldOut.rating(user: user, item: entry.item)) }
                }
            }
        }
    }

    func testAColdUserGetsTheFallbackAndANote() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        // User 4 has no training rating: r̂ = s(b_i) for items seen in training, and s(0)
        // for the unseen item 50, which ties with item 40 (b_i = 0) and follows it by id.
        let cold = try Recommendations(run: run, user: 3, count: 10, minimumRatings: 0, excluding: .train)
        XCTAssertEqual(cold.items.map(\.item), [0, 2, 3, 4, 1])
        XCTAssertEqual(cold.output.notes, ["User 4 has no training ratings: the dot_bias model's cold-start fallback was used."])
    }

    func testWithoutRatedPairsRecommendationsAreRefused() throws {
        let fixture = try AnalysisFixture(self)
        let runId = try fixture.addRun(ratedPairs: false)
        let run = try fixture.analyzed(runId)
        XCTAssertThrowsError(try Recommendations(run: run, user: 0, count: 3, minimumRatings: 0, excluding: .train)) { error in
            XCTAssertEqual(error as? AnalysisError, .noRatedPairs(runId: runId))
        }
    }
}
