import CFAnalysis
import XCTest

/// Bias rankings and principal-component extremes of the fixture's items.
final class InspectionTests: XCTestCase {
    func testBiasRankingAndComponentExtremes() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        // Item 50 (dense 4) has no training rating: it is never analysed, even at 0.
        let inspection = try Inspection(run: run, count: 2, minimumRatings: 0)
        XCTAssertEqual(inspection.pcaItems, [0, 1, 2, 3])
        XCTAssertEqual(inspection.highestBias?.map(\.item), [0, 2])
        XCTAssertEqual(inspection.lowestBias?.map(\.item), [1, 3])
        // PC1 runs along the first axis (positive loading): 20 lies lowest, then 40;
        // 10 and 30 are identical and tie at the top, the lower id first.
        XCTAssertEqual(inspection.componentExtremes(highest: false).map(\.item), [1, 3])
        XCTAssertEqual(inspection.componentExtremes(highest: true).map(\.item), [0, 2])
        let ratios = try XCTUnwrap(inspection.pca?.explainedVarianceRatio)
        XCTAssertEqual(ratios.count, 2)
        XCTAssertEqual(ratios.reduce(0, +), 1, accuracy: 1e-6)
        XCTAssertGreaterThan(ratios[0], ratios[1])
    }

    func testMinimumRatingsAppliesToBothParts() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        // Items with two training ratings: 10, 20 and 40.
        let inspection = try Inspection(run: run, count: 5, minimumRatings: 2)
        XCTAssertEqual(inspection.highestBias?.map(\.item), [0, 3, 1])
        XCTAssertEqual(inspection.pcaItems, [0, 1, 3])
        XCTAssertThrowsError(try Inspection(run: run, count: 5, minimumRatings: 20))
    }

    func testAComponentBeyondTheEmbeddingIsAnError() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        XCTAssertThrowsError(try Inspection(run: run, count: 2, minimumRatings: 0, component: 3)) { error in
            XCTAssertEqual("\(error)", "--component 3: the embeddings have 2 components; pick 1 to 2")
        }
        let second = try Inspection(run: run, count: 1, minimumRatings: 0, component: 2)
        XCTAssertEqual(second.output.tables.map(\.key), [
            "highest_bias", "lowest_bias", "lowest_on_component", "highest_on_component", "variance_explained",
        ])
        XCTAssertEqual(second.output.tables[2].table.columns.map(\.title), ["rank", "id", "title", "PC2", "PC1", "mean rating", "genres", "ratings"])
    }
}
