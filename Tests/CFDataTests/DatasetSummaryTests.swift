@testable import CFData
import CFCore
import CFTestSupport
import XCTest

final class DatasetSummaryTests: XCTestCase {
    func testSummaryFiguresAndText() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", Fixture.latestSmallRatings)
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path, name: "tiny")
        let summary = DatasetSummary(dataset)
        XCTAssertEqual(summary.ratingCount, 5)
        XCTAssertEqual(summary.sparsity, 1 - 5.0 / 9.0, accuracy: 1e-12)
        XCTAssertEqual(summary.ratingsPerUser, .init([2, 2, 1]))
        XCTAssertEqual(summary.ratingsPerUser.median, 2)
        XCTAssertEqual(summary.ratingsPerItem.minimum, 1)
        XCTAssertEqual(summary.histogram.map(\.value), [0.5, 2, 3.5, 4, 5])
        XCTAssertEqual(summary.json["ratings"], .int(5))
        XCTAssertEqual(summary.json["ratings_per_user"]?["median"], .double(2))
        let expected = """
            name                                   tiny
            source                                 movielens
            path                                   \(folder.path)
            ratings                                5
            users                                  3
            items                                  3
            rating scale                           0.5-5
            mean rating                            3.000
            sparsity                               44.4444%
            ratings per user (min / median / max)  1 / 2 / 2
            ratings per item (min / median / max)  1 / 2 / 2
            fingerprint                            \(dataset.fingerprint)

            rating  count    share
            0.5           1   20.0%
            2             1   20.0%
            3.5           1   20.0%
            4             1   20.0%
            5             1   20.0%

            note: no movies.csv in \(folder.path): runs will have no titles or genres (items show as `item <id>`)

            """
        XCTAssertEqual(summary.text, expected)
    }

    func testGroupedNumbers() {
        XCTAssertEqual(DatasetSummary.grouped(100_836), "100,836")
        XCTAssertEqual(DatasetSummary.grouped(999), "999")
        XCTAssertEqual(DatasetSummary.grouped(25_000_095), "25,000,095")
    }
}
