@testable import CFData
import CFConfig
import Foundation
import XCTest

/// Loads the real ml-100k from `$CFLAB_DATA` or `../shared/data` when it is there (as on the
/// development and CI machines); a machine without it has nothing to check here, and says so.
final class RealDataTests: XCTestCase {
    func testML100kCountsAndU1Fold() throws {
        let locator = DataLocator()
        guard let root = locator.root,
              FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent("ml-100k/u.data")) else {
            print("note: ml-100k is not under CFLAB_DATA or ../shared/data; the real-data check did not run")
            return
        }
        var config = DataConfig()
        config.source = .movielens
        config.name = "ml-100k"
        let dataset = try DatasetLoader.load(config, relativeTo: nil, locator: locator)
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
        XCTAssertEqual(u1.train.count, 80_000)
        XCTAssertEqual(u1.valid.count, 20_000)
        XCTAssertEqual(dataset.predefinedFolds["ua"]?.test.count, 9_430)
    }
}
