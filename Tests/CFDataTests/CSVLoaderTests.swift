@testable import CFData
import CFConfig
import CFTestSupport
import XCTest

final class CSVLoaderTests: XCTestCase {
    func testColumnsByIndexWithoutHeader() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("plain.tsv", "5.0\tu2\tA\n3\tu1\tB\n4.5\tu1\tA\n")
        var options = CSVOptions()
        options.rating = .index(0)
        options.user = .index(1)
        options.item = .index(2)
        options.timestamp = nil
        options.delimiter = "\t"
        options.header = false
        let dataset = try DatasetLoader.loadCSV(path: path, options: options)
        XCTAssertEqual(dataset.source, "csv")
        XCTAssertEqual(dataset.name, "plain")
        XCTAssertEqual(dataset.users.rawIds, ["u1", "u2"])
        XCTAssertEqual(dataset.items.rawIds, ["A", "B"])
        XCTAssertEqual(dataset.ratings.ratings, [4.5, 3, 5])
        XCTAssertEqual(dataset.ratings.timestamps, [0, 0, 0])
    }

    func testColumnsByHeaderNameWithQuotedFields() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("data/r.csv", "when;stars;who;what\n100;4;\"7\";\"x;y\"\n200;2;10;z\n300;5;7;z\n")
        var options = CSVOptions()
        options.user = .name("who")
        options.item = .name("what")
        options.rating = .name("stars")
        options.timestamp = .name("when")
        options.delimiter = ";"
        var config = DataConfig()
        config.source = .csv
        config.csv = options
        config.csv.path = "data/r.csv"
        let dataset = try DatasetLoader.load(config, relativeTo: folder.path)
        XCTAssertEqual(dataset.path, path)
        XCTAssertEqual(dataset.users.rawIds, ["7", "10"])
        XCTAssertEqual(dataset.items.rawIds, ["x;y", "z"])
        XCTAssertEqual(dataset.ratings.timestamps, [100, 300, 200])
    }

    func testDefaultTimestampColumnIsOptional() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("r.csv", "u,i,r\n1,2,3\n")
        let dataset = try DatasetLoader.loadCSV(path: path, options: CSVOptions())
        XCTAssertEqual(dataset.ratings.count, 1)
        XCTAssertEqual(dataset.ratings.timestamps, [0])
    }

    func testUnknownHeaderNameIsReported() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("r.csv", "u,i,r\n1,2,3\n")
        var options = CSVOptions()
        options.rating = .name("stars")
        XCTAssertThrowsError(try DatasetLoader.loadCSV(path: path, options: options)) { error in
            XCTAssertEqual("\(error)", "\(path):1: no rating column named `stars` in the header (u, i, r)")
        }
    }
}
