@testable import CFData
import CFConfig
import CFTestSupport
import XCTest

final class MalformedInputTests: XCTestCase {
    private func loadError(ratings: String, file: String = "ratings.csv", duplicates: DataConfig.DuplicatePolicy = .last) throws -> (String, String) {
        let folder = try TemporaryFolder()
        let path = try folder.write(file, ratings)
        do {
            _ = try DatasetLoader.loadMovieLens(folder: folder.path, duplicates: duplicates)
            XCTFail("expected an error")
            return (path, "")
        } catch let error as DataError {
            return (path, error.description)
        }
    }

    func testWrongFieldCount() throws {
        let (path, message) = try loadError(ratings: "userId,movieId,rating,timestamp\n1,2,3.0,100\n1,3,4.0\n")
        XCTAssertEqual(message, "\(path):3: expected 4 fields, found 3")
    }

    func testNonNumericRating() throws {
        let (path, message) = try loadError(ratings: "userId,movieId,rating,timestamp\r\n1,2,3.0,100\r\n\r\n1,3,four,100\r\n")
        XCTAssertEqual(message, "\(path):4: rating `four` is not a number")
    }

    func testEmptyIds() throws {
        let (path, message) = try loadError(ratings: "1\t2\t3\t4\n\t2\t3\t4\n", file: "u.data")
        XCTAssertEqual(message, "\(path):2: empty user id")
        let (itemPath, itemMessage) = try loadError(ratings: "1::2::3::4\n1::::3::4\n", file: "ratings.dat")
        XCTAssertEqual(itemMessage, "\(itemPath):2: empty item id")
    }

    func testNonIntegerIdAndTimestamp() throws {
        let (path, message) = try loadError(ratings: "1\tx7\t3\t4\n", file: "u.data")
        XCTAssertEqual(message, "\(path):1: item id `x7` is not an integer")
        let (stampPath, stampMessage) = try loadError(ratings: "1\t7\t3\t2020-01-01\n", file: "u.data")
        XCTAssertEqual(stampMessage, "\(stampPath):1: timestamp `2020-01-01` is not an integer")
    }

    func testUnterminatedQuote() throws {
        let (path, message) = try loadError(ratings: "userId,movieId,rating,timestamp\n1,\"2,3.0,100\n")
        XCTAssertEqual(message, "\(path):2: unterminated quoted field")
    }

    func testDuplicatePolicyLastKeepsTheLastOccurrence() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", "userId,movieId,rating,timestamp\n1,2,3.0,100\n1,5,1.0,100\n1,2,4.5,200\n")
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path, duplicates: .last)
        XCTAssertEqual(dataset.ratings.count, 2)
        XCTAssertEqual(dataset.ratings.ratings, [4.5, 1.0])
        XCTAssertEqual(dataset.ratings.timestamps, [200, 100])
    }

    func testDuplicatePolicyErrorNamesBothLines() throws {
        let (path, message) = try loadError(
            ratings: "userId,movieId,rating,timestamp\n1,2,3.0,100\n1,5,1.0,100\n\n1,2,4.5,200\n", duplicates: .error)
        XCTAssertEqual(
            message,
            "\(path):5: duplicate rating for user 1, item 2 (first at line 2); remove one, or set `data.duplicates: last` to keep the last")
    }

    func testFoldWithUnknownIdIsReported() throws {
        let folder = try TemporaryFolder()
        try folder.write("u.data", Fixture.ml100kData)
        try folder.write("u1.base", "1\t1\t5\t1\n")
        let testPath = try folder.write("u1.test", "1\t2\t3\t1\n9\t1\t3\t1\n")
        XCTAssertThrowsError(try DatasetLoader.loadMovieLens(folder: folder.path)) { error in
            XCTAssertEqual("\(error)", "\(testPath):2: user id 9 does not occur in the main ratings file")
        }
    }

    func testMissingFolderAndUnknownLayout() throws {
        let folder = try TemporaryFolder()
        let locator = DataLocator(environment: ["CFLAB_DATA": folder.path], currentDirectory: "/")
        var config = DataConfig()
        config.source = .movielens
        config.name = "ml-1m"
        XCTAssertThrowsError(try DatasetLoader.load(config, relativeTo: nil, locator: locator)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("ml-1m: not found; looked in \(folder.path)/ml-1m, /data/ml-1m, /shared/data/ml-1m;"), text)
            XCTAssertTrue(text.contains("cflab data fetch ml-1m"), text)
            XCTAssertTrue(text.contains("CFLAB_DATA"), text)
        }
        try folder.write("ml-1m/README", "nothing here\n")
        XCTAssertThrowsError(try DatasetLoader.load(config, relativeTo: nil, locator: locator)) { error in
            XCTAssertEqual(error as? DataError, .unknownLayout(path: "\(folder.path)/ml-1m"))
        }
    }

    func testLocatorResolution() throws {
        let folder = try TemporaryFolder()
        try folder.write("work/sub/x", "")
        try folder.write("shared/data/ml-100k/u.data", "")
        let fromCurrent = DataLocator(environment: [:], currentDirectory: folder.file("work"))
        XCTAssertEqual(fromCurrent.roots, [folder.file("work/data"), folder.file("shared/data")])
        XCTAssertEqual(try fromCurrent.folder(named: "ml-100k"), folder.file("shared/data/ml-100k"))
        // `cflab data fetch` unpacks into ./data without CFLAB_DATA: found before ../shared/data.
        try folder.write("work/data/ml-100k/u.data", "")
        XCTAssertEqual(try fromCurrent.folder(named: "ml-100k"), folder.file("work/data/ml-100k"))
        XCTAssertEqual(fromCurrent.fetchRoot, folder.file("work/data"))
        let withVariable = DataLocator(environment: ["CFLAB_DATA": folder.file("elsewhere")], currentDirectory: folder.file("work"))
        XCTAssertEqual(withVariable.roots, [folder.file("elsewhere"), folder.file("work/data"), folder.file("shared/data")])
        XCTAssertEqual(try withVariable.folder(named: "ml-100k"), folder.file("work/data/ml-100k"), "the first that exists")
        XCTAssertEqual(withVariable.fetchRoot, folder.file("elsewhere"), "a folder that can be made under a writable parent")
        // Fetch takes the first folder it can write: not a CFLAB_DATA that is a file.
        let unwritable = DataLocator(environment: ["CFLAB_DATA": folder.file("work/sub/x")], currentDirectory: folder.file("work"))
        XCTAssertEqual(unwritable.fetchRoot, folder.file("work/data"))
        XCTAssertThrowsError(try fromCurrent.folder(named: "ml-10k")) { error in
            XCTAssertTrue("\(error)".hasSuffix("; did you mean `ml-100k`?"), "a typo is not offered for fetching: \(error)")
        }
        let nowhere = DataLocator(environment: [:], currentDirectory: folder.file("work/sub"))
        XCTAssertThrowsError(try nowhere.folder(named: "ml-100k")) { error in
            XCTAssertTrue("\(error)".hasPrefix("ml-100k: not found; looked in \(folder.file("work/sub/data/ml-100k")), \(folder.file("work/shared/data/ml-100k"))"), "\(error)")
        }
        var config = DataConfig()
        config.name = "ignored"
        config.path = "../shared/data/ml-100k"
        XCTAssertEqual(try nowhere.location(of: config, relativeTo: folder.file("work")), folder.file("shared/data/ml-100k"))
    }
}
