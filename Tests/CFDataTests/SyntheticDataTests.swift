@testable import CFData
import CFConfig
import CFCore
import CFTestSupport
import XCTest

final class SyntheticDataTests: XCTestCase {
    private func options(users: Int = 300, items: Int = 200, ratings: Int = 12000, rank: Int = 4, seed: UInt64 = 7) -> SyntheticOptions {
        Planted.options(users: users, items: items, ratings: ratings, rank: rank, noise: 0.3, seed: seed)
    }

    func testSameOptionsGiveTheSameDataset() {
        let first = SyntheticData.generate(options())
        let second = SyntheticData.generate(options())
        XCTAssertEqual(first.ratings, second.ratings)
        XCTAssertEqual(first.itemInfo, second.itemInfo)
        XCTAssertEqual(first.fingerprint, second.fingerprint)
        XCTAssertNotEqual(first.fingerprint, SyntheticData.generate(options(seed: 8)).fingerprint)
    }

    func testShapeScaleAndCoverage() {
        let dataset = SyntheticData.generate(options())
        XCTAssertEqual(dataset.name, "synthetic")
        XCTAssertEqual(dataset.source, "synthetic")
        XCTAssertEqual(dataset.ratings.count, 12000)
        XCTAssertEqual(dataset.userCount, 300)
        XCTAssertEqual(dataset.itemCount, 200)
        let pairs = Set(zip(dataset.ratings.users, dataset.ratings.items).map { Int64($0) << 32 | Int64($1) })
        XCTAssertEqual(pairs.count, 12000)
        XCTAssertEqual(Set(dataset.ratings.users).count, 300)
        XCTAssertEqual(Set(dataset.ratings.items).count, 200)
        XCTAssertTrue(dataset.ratings.ratings.allSatisfy { $0 >= 0.5 && $0 <= 5 && ($0 * 2).rounded() == $0 * 2 })
        XCTAssertTrue(dataset.itemInfo[16].title.hasPrefix("Synthetic item 17 ("))
        XCTAssertFalse(dataset.itemInfo[16].genres.isEmpty)
        // Power-law popularity: the busiest item has many times the median item's ratings.
        let summary = DatasetSummary(dataset)
        XCTAssertGreaterThan(Double(summary.ratingsPerItem.maximum), 4 * summary.ratingsPerItem.median)
    }

    func testPairSpaceLimitsTheCount() {
        let dataset = SyntheticData.generate(options(users: 10, items: 20, ratings: 500))
        XCTAssertEqual(dataset.ratings.count, 200)
        let dense = SyntheticData.generate(options(users: 10, items: 20, ratings: 180))
        XCTAssertEqual(dense.ratings.count, 180)
    }

    func testWrittenLayoutLoadsBackWithTheSameFingerprint() throws {
        let dataset = SyntheticData.generate(options(ratings: 3000))
        let folder = try TemporaryFolder()
        try SyntheticData.writeMovieLensLayout(dataset, to: folder.path)
        let loaded = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(loaded.fingerprint, dataset.fingerprint)
        XCTAssertEqual(loaded.ratings, dataset.ratings)
        XCTAssertEqual(loaded.itemInfo, dataset.itemInfo)
    }

    func testPlantedFactorsAreLearnable() throws {
        let dataset = SyntheticData.generate(options())
        var config = SplitConfig()
        config.valid = 0.2
        let split = try Splitter.split(dataset, config: config, seed: 1)
        let baseline = TinyFactorModel.fit(split.train, users: dataset.userCount, items: dataset.itemCount, rank: 0)
        let factors = TinyFactorModel.fit(split.train, users: dataset.userCount, items: dataset.itemCount, rank: 4)
        let baselineError = baseline.rmse(split.valid)
        let factorError = factors.rmse(split.valid)
        XCTAssertLessThan(factorError, 0.8 * baselineError, "rank-4 \(factorError) vs biases \(baselineError)")
    }
}
