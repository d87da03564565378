import CFAnalysis
import XCTest

/// Item and user neighbours by cosine similarity, with shared ratings.
final class NeighborTests: XCTestCase {
    func testIdenticalEmbeddingsAreEachOthersNearest() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        let starWars = try SimilarItems(run: run, item: 0, count: 10, minimumRatings: 0)
        XCTAssertEqual(starWars.neighbors.map(\.id), [2, 3, 1, 4])
        XCTAssertEqual(starWars.neighbors[0].similarity, 1, accuracy: 1e-9)
        XCTAssertEqual(starWars.neighbors[1].similarity, 0.9 / 0.82.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(starWars.neighbors[3].similarity, -1, accuracy: 1e-9)
        let firstContact = try SimilarItems(run: run, item: 2, count: 1, minimumRatings: 0)
        XCTAssertEqual(firstContact.neighbors.map(\.id), [0])
    }

    func testMinimumRatingsFiltersNeighbours() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        XCTAssertEqual(try SimilarItems(run: run, item: 0, count: 10, minimumRatings: 2).neighbors.map(\.id), [3, 1])
        XCTAssertThrowsError(try SimilarItems(run: run, item: 0, count: 10, minimumRatings: 20)) { error in
            XCTAssertEqual(error as? AnalysisError, .nothingLeft(what: "other item", minimumRatings: 20))
        }
    }

    func testSimilarUsersAndTheRatingsTheyShare() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        let similar = try SimilarUsers(run: run, user: 0, count: 3, minimumRatings: 0)
        XCTAssertEqual(similar.neighbors.map(\.id), [1, 2, 3])
        // Users 1 and 2 both rated 10 (5, 4), 40 (4 held out, 4) and 20 (3, 2 held out).
        XCTAssertEqual(similar.shared.map(\.item), [0, 3, 1])
        XCTAssertEqual(similar.shared.map(\.rating), [5, 4, 3])
        XCTAssertEqual(similar.shared.map(\.neighborRating), [4, 4, 2])
        XCTAssertEqual(similar.output(sharedLimit: 2).notes, ["Showing 2 of 3 items both rated; raise -n to see more."])
    }

    func testAModelWithoutEmbeddingsIsAnError() throws {
        let fixture = try AnalysisFixture(self)
        let runId = try fixture.addRun(
            config: try AnalysisFixture.config(model: "{kind: biases}"),
            tensors: [
                .init(name: "user_bias", shape: [4, 1], values: [0, 0, 0, 0]),
                .init(name: "item_bias", shape: [5, 1], values: AnalysisFixture.itemBiases),
            ]
        )
        let run = try fixture.analyzed(runId)
        XCTAssertThrowsError(try SimilarItems(run: run, item: 0, count: 3, minimumRatings: 0)) { error in
            XCTAssertEqual(
                "\(error)",
                "run \(runId) is a biases model without item_embedding, which item similarity needs; pick a dot, dot_bias or nn run"
            )
        }
        let inspection = try Inspection(run: run, count: 2, minimumRatings: 0)
        XCTAssertEqual(inspection.highestBias?.map(\.item), [0, 2], "the untrained item 4 is left out")
        XCTAssertNil(inspection.pca)
        XCTAssertEqual(inspection.output.notes, ["Run \(runId) (biases) has no item_embedding: no principal components."])
    }
}
