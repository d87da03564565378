import CFData
import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class ArtifactTests: XCTestCase {
    func testParametersRoundTripBitwiseAsLittleEndianFloat32() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun())
        let odd: [Float] = [1, -0.0, .infinity, -.infinity, Float(bitPattern: 0x7fc0_1234), .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1]
        let tensors = [
            ParameterTensor(name: "user_embedding", shape: [2, 4], values: odd),
            ParameterTensor(name: "item_bias", shape: [3], values: [0.5, -2, 3e-8]),
        ]
        try store.saveParameters(runId: runId, which: .best, tensors: tensors)
        XCTAssertEqual(try store.parameters(runId: runId, which: .best), tensors)
        XCTAssertEqual(try store.parameters(runId: runId, which: .best)[0].values[4].bitPattern, 0x7fc0_1234)
        XCTAssertEqual(try store.parameters(runId: runId, which: .final), [])
        let blob = try DatabaseQueue(path: path).read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM parameters WHERE name = 'user_embedding'")
        }
        XCTAssertEqual(blob.map { Array($0.prefix(4)) }, [0x00, 0x00, 0x80, 0x3f])
        XCTAssertEqual(blob?.count, 32)
        XCTAssertThrowsError(try store.saveParameters(runId: runId, which: .final, tensors: [ParameterTensor(name: "x", shape: [2], values: [1])]))
    }

    func testMetadataIsStoredOncePerSplitAndLoadsWithTheModel() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let metadata = SampleRuns.metadata()
        try store.saveDataMetadata(metadata)
        try store.saveDataMetadata(metadata)
        XCTAssertEqual(try store.dataMetadata(splitFingerprint: "split-1"), metadata)
        XCTAssertNil(try store.dataMetadata(splitFingerprint: "split-2"))
        let rows = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM data_metadata") }
        XCTAssertEqual(rows, 1)

        let runId = try store.startRun(SampleRuns.newRun())
        XCTAssertThrowsError(try store.loadModel(runId: runId)) { error in
            XCTAssertEqual(error as? StoreError, .noParameters(runId: runId, reason: .stillRunning))
        }
        let final = [ParameterTensor(name: "w", shape: [1], values: [2])]
        let best = [ParameterTensor(name: "w", shape: [1], values: [1])]
        try store.saveParameters(runId: runId, which: .final, tensors: final)
        XCTAssertEqual(try store.loadModel(runId: runId).which, .final)
        try store.saveParameters(runId: runId, which: .best, tensors: best)
        let model = try store.loadModel(runId: runId)
        XCTAssertEqual(model.which, .best)
        XCTAssertEqual(model.tensors, best)
        XCTAssertEqual(model.config.canonical, SampleRuns.config().canonical)
        XCTAssertEqual(model.metadata.users.dense("100"), 2)
        XCTAssertEqual(model.metadata.items.raw(2), "50")
        XCTAssertEqual(model.metadata.itemInfo[1].title, "Jumanji, \"the\" (1995)")
        XCTAssertEqual(model.metadata.globalMean, 3.6)
    }

    func testMetadataFromADatasetCountsTrainingRatings() throws {
        let users = IdMap(rawIds: ["1", "2"]), items = IdMap(rawIds: ["10", "20", "30"])
        let ratings = RatingSet(users: [0, 0, 1], items: [0, 1, 0], ratings: [4, 2, 5], timestamps: [0, 0, 0])
        let dataset = Dataset(
            name: "tiny", source: "synthetic", path: nil, ratings: ratings, users: users, items: items,
            itemInfo: [ItemInfo(title: "a", genres: []), ItemInfo(title: "b", genres: []), ItemInfo(title: "c", genres: [])],
            fingerprint: "tiny-data"
        )
        let metadata = DataMetadata(dataset: dataset, training: ratings.subset([0, 1, 2]), splitFingerprint: "tiny-split")
        XCTAssertEqual(metadata.userCounts, [2, 1])
        XCTAssertEqual(metadata.userMeans, [3, 5])
        XCTAssertEqual(metadata.itemCounts, [2, 1, 0])
        XCTAssertEqual(metadata.itemMeans, [4.5, 2, 0])
        XCTAssertEqual(metadata.globalMean, 11.0 / 3.0, accuracy: 1e-6)
        XCTAssertEqual(metadata.ratingMin, 2)
        XCTAssertEqual(metadata.ratingMax, 5)
    }
}

/// The one PCA basis of inspect and report: trained items with enough training ratings.
final class AnalysedItemsTests: XCTestCase {
    func testUntrainedItemsAreNeverAnalysedAndTheMinimumApplies() {
        let metadata = SampleRuns.metadata()  // item counts 3, 1, 0, 3
        XCTAssertEqual(metadata.analysedItems(minimumRatings: 0), [0, 1, 3])
        XCTAssertEqual(metadata.analysedItems(minimumRatings: 1), [0, 1, 3])
        XCTAssertEqual(metadata.analysedItems(minimumRatings: 3), [0, 3])
        XCTAssertEqual(metadata.analysedItems(minimumRatings: 4), [])
    }
}
