@testable import CFData
import CFConfig
import CFTestSupport
import XCTest

final class FingerprintTests: XCTestCase {
    private func load(_ ratings: String) throws -> Dataset {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", ratings)
        return try DatasetLoader.loadMovieLens(folder: folder.path)
    }

    private let header = "userId,movieId,rating,timestamp\n"
    private let lines = ["10,200,4.0,1", "2,30,3.5,2", "10,9,1.0,3", "2,200,5.0,4", "7,30,2.5,5"]

    func testReorderingTheFileChangesNothing() throws {
        let original = try load(header + lines.joined(separator: "\n"))
        let reordered = try load(header + lines.reversed().joined(separator: "\n") + "\n")
        XCTAssertEqual(original.users, reordered.users)
        XCTAssertEqual(original.items, reordered.items)
        XCTAssertEqual(original.ratings, reordered.ratings)
        XCTAssertEqual(original.fingerprint, reordered.fingerprint)
        // Numeric order of raw ids, not text order.
        XCTAssertEqual(original.users.rawIds, ["2", "7", "10"])
        XCTAssertEqual(original.items.rawIds, ["9", "30", "200"])
    }

    func testChangingOneRatingChangesTheFingerprint() throws {
        let original = try load(header + lines.joined(separator: "\n"))
        var changed = lines
        changed[2] = "10,9,1.5,3"
        XCTAssertNotEqual(original.fingerprint, try load(header + changed.joined(separator: "\n")).fingerprint)
        var retimed = lines
        retimed[2] = "10,9,1.0,999"
        XCTAssertEqual(original.fingerprint, try load(header + retimed.joined(separator: "\n")).fingerprint)
    }

    func testFingerprintIsTheHashOfCanonicalLines() throws {
        let dataset = try load(header + lines.joined(separator: "\n"))
        let text = "2\t30\t3.5\n2\t200\t5.0\n7\t30\t2.5\n10\t9\t1.0\n10\t200\t4.0\n"
        XCTAssertEqual(dataset.fingerprint, CFCoreDigest.sha256(text))
        // A shuffled rating set hashes the same.
        let shuffled = dataset.ratings.subset([4, 2, 0, 3, 1])
        XCTAssertEqual(Fingerprint.of(shuffled, users: dataset.users, items: dataset.items), dataset.fingerprint)
    }

    func testSameContentInAnotherFormatHasTheSameFingerprint() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.dat", "10::200::4::1\n2::30::3::2\n")
        let dat = try DatasetLoader.loadMovieLens(folder: folder.path)
        let csv = try load(header + "2,30,3.0,7\n10,200,4.0,8\n")
        XCTAssertEqual(dat.fingerprint, csv.fingerprint)
    }

    func testIdMapSortsNumericallyOrByBytes() {
        XCTAssertEqual(IdMap(rawIds: ["10", "9", "-1", "9"]).rawIds, ["-1", "9", "10"])
        let text = IdMap(rawIds: ["b", "a", "10", "9"])
        XCTAssertEqual(text.rawIds, ["10", "9", "a", "b"])
        XCTAssertEqual(text.dense("a"), 2)
        XCTAssertNil(text.dense("c"))
        XCTAssertEqual(text.raw(3), "b")
    }

    func testLargeSparseIdsUseTheDictionaryPath() {
        var column = RawIdColumn()
        column.integers = [9_000_000_000, 5, 9_000_000_000, -3]
        let (map, dense) = DenseIds.encode(column)
        XCTAssertEqual(map.rawIds, ["-3", "5", "9000000000"])
        XCTAssertEqual(dense, [2, 1, 2, 0])
    }
}

import CFCore

/// A one-line shim so tests read naturally.
enum CFCoreDigest {
    static func sha256(_ text: String) -> String { Digest.sha256Hex(text) }
}
