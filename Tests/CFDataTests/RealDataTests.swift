@testable import CFData
import CFConfig
import Foundation
import CFTestSupport
import XCTest

/// Loads the real ml-100k from `$CFLAB_DATA` or `../shared/data` when it is there (as on the
/// development and CI machines); a machine without it has nothing to check here, and says so.
final class RealDataTests: XCTestCase {
    func testML100kCountsAndU1Fold() throws {
        guard let dataset = try RealData.load("ml-100k", marker: "ml-100k/u.data") else { return }
        XCTAssertEqual(dataset.ratings.count, 100_000)
        XCTAssertEqual(dataset.userCount, 943)
        XCTAssertEqual(dataset.itemCount, 1682)
        XCTAssertEqual(dataset.ratingMin, 1)
        XCTAssertEqual(dataset.ratingMax, 5)
        XCTAssertEqual(dataset.itemInfo[0].title, "Toy Story (1995)")
        XCTAssertEqual(dataset.itemInfo[0].genres, ["Animation", "Children's", "Comedy"])
        XCTAssertEqual(dataset.predefinedFolds.keys.sorted(), ["u1", "u2", "u3", "u4", "u5", "ua", "ub"])
        var split = SplitConfig()
        split.kind = .predefined
        split.predefinedFold = "u1"
        let u1 = try Splitter.split(dataset, config: split, seed: 42)
        XCTAssertEqual(u1.train.count, 64_000, "u1.base less the validation part (0.2 of it)")
        XCTAssertEqual(u1.valid.count, 16_000)
        XCTAssertEqual(u1.test?.count, 20_000, "u1.test is the test part")
        XCTAssertEqual(dataset.predefinedFolds["ua"]?.test.count, 9_430)
    }
}
