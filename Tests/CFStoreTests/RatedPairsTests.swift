import CFData
import CFStore
import CFTestSupport
import XCTest

/// Rated pairs: grouped by user, split into training and held out, stored once per split.
final class RatedPairsTests: XCTestCase {
    // Users 0..2, items 0..3. Training: (0,2) 4, (0,0) 3, (2,1) 5. Held out: (0,1) 2, (1,3) 1.
    // The data repeats (0,2) with 1, which counts as rated in training.
    private let dataset: Dataset = {
        let ratings = RatingSet(
            users: [0, 0, 2, 0, 1, 0], items: [2, 0, 1, 1, 3, 2], ratings: [4, 3, 5, 2, 1, 1], timestamps: [0, 0, 0, 0, 0, 0]
        )
        return Dataset(
            name: "tiny", source: "synthetic", path: nil, ratings: ratings,
            users: IdMap(rawIds: ["1", "2", "3"]), items: IdMap(rawIds: ["10", "20", "30", "40"]),
            itemInfo: (0..<4).map { ItemInfo(title: "item \($0)", genres: []) }, fingerprint: "tiny-data"
        )
    }()

    private var metadata: DataMetadata {
        DataMetadata(dataset: dataset, training: dataset.ratings.subset([0, 1, 2]), splitFingerprint: "tiny-split")
    }

    func testPairsAreGroupedAndSplit() throws {
        let pairs = try XCTUnwrap(metadata.ratedPairs)
        XCTAssertEqual(Array(pairs.training.items(of: 0)), [0, 2])
        XCTAssertEqual(Array(pairs.training.ratings(of: 0)), [3, 4])
        XCTAssertEqual(Array(pairs.training.items(of: 1)), [])
        XCTAssertEqual(pairs.training.rating(user: 2, item: 1), 5)
        XCTAssertNil(pairs.training.rating(user: 2, item: 0))
        XCTAssertEqual(Array(pairs.heldOut.items(of: 0)), [1])
        XCTAssertEqual(pairs.heldOut.rating(user: 1, item: 3), 1)
        XCTAssertEqual(pairs.heldOut.count, 2)
        XCTAssertTrue(pairs.contains(user: 0, item: 1, includingHeldOut: true))
        XCTAssertFalse(pairs.contains(user: 0, item: 1, includingHeldOut: false))
        XCTAssertFalse(pairs.contains(user: 7, item: 1, includingHeldOut: true))
    }

    func testPairsSurviveTheStoreOncePerSplit() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        try store.saveDataMetadata(metadata)
        try store.saveDataMetadata(metadata)
        XCTAssertEqual(try store.dataMetadata(splitFingerprint: "tiny-split"), metadata)
    }

    func testOlderMetadataGainsItsPairsLater() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        var older = metadata
        older.ratedPairs = nil
        try store.saveDataMetadata(older)
        XCTAssertNil(try store.dataMetadata(splitFingerprint: "tiny-split")?.ratedPairs)
        try store.saveDataMetadata(metadata)
        XCTAssertEqual(try store.dataMetadata(splitFingerprint: "tiny-split")?.ratedPairs, metadata.ratedPairs)
    }
}
