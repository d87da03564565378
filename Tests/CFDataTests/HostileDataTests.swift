@testable import CFData
import CFTestSupport
import CFConfig
import CFCore
import Foundation
import XCTest

/// Hostile and malformed data: each row is refused while loading, with `path:line: reason`.
///
/// Every row writes its files into a fresh folder and loads them with
/// `DatasetLoader.load`, as experiment preparation does before any store is opened.
final class HostileDataTests: XCTestCase {
    enum Source {
        /// The folder as a MovieLens release.
        case movielens
        /// `r.csv` with the default columns (user, item, rating, timestamp) and a header.
        case csv
        /// Synthetic data with the given options.
        case synthetic(SyntheticOptions)
    }

    struct Row {
        var label: String
        var files: [String: [UInt8]]
        var source: Source = .movielens
        var ratingRange: ClosedRange<Double>?
        var duplicates: DataConfig.DuplicatePolicy = .last
        /// `file:line` inside the folder, or "" for a message without a file.
        var location: String
        var fragment: String
    }

    static let csvHeader = "userId,movieId,rating,timestamp\n"

    static func ratingsCSV(_ lines: String) -> [String: [UInt8]] { ["ratings.csv": Array((csvHeader + lines).utf8)] }
    static func uData(_ lines: String) -> [String: [UInt8]] { ["u.data": Array(lines.utf8)] }
    static func ratingsDat(_ lines: String) -> [String: [UInt8]] { ["ratings.dat": Array(lines.utf8)] }
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static var rows: [Row] {
        var tinySynthetic = SyntheticOptions()
        tinySynthetic.users = 30
        tinySynthetic.items = 20
        tinySynthetic.ratings = 300
        return [
            // Nothing to train on.
            Row(label: "empty ratings.csv", files: ["ratings.csv": []], location: "ratings.csv:1", fragment: "the ratings file is empty"),
            Row(label: "blank ratings.csv", files: ["ratings.csv": bytes("\n\n\r\n")], location: "ratings.csv:1", fragment: "the ratings file is empty"),
            Row(label: "header-only ratings.csv", files: ratingsCSV(""), location: "ratings.csv:2",
                fragment: "no ratings after the header line; the file holds no data"),
            Row(label: "header-only with BOM and CRLF", files: ["ratings.csv": [0xEF, 0xBB, 0xBF] + bytes("userId,movieId,rating,timestamp\r\n\r\n")],
                location: "ratings.csv:2", fragment: "no ratings after the header line"),
            Row(label: "empty u.data", files: ["u.data": []], location: "u.data:1", fragment: "the ratings file is empty"),
            Row(label: "empty ratings.dat", files: ["ratings.dat": bytes("\n")], location: "ratings.dat:1", fragment: "the ratings file is empty"),
            Row(label: "empty csv", files: ["r.csv": []], source: .csv, location: "r.csv:1", fragment: "the ratings file is empty"),
            Row(label: "header-only csv", files: ["r.csv": bytes(csvHeader)], source: .csv, location: "r.csv:2", fragment: "no ratings after the header line"),

            // Binary files: refused at the first NUL, before anything is parsed.
            Row(label: "all-NUL ratings.csv", files: ["ratings.csv": [UInt8](repeating: 0, count: 1 << 16)], location: "ratings.csv:1",
                fragment: "NUL byte at offset 0: the file is binary or corrupt, not text"),
            Row(label: "NUL on line 3", files: ["ratings.csv": bytes(csvHeader + "1,2,3.0,100\n1,3") + [0] + bytes(",4.0,100\n")],
                location: "ratings.csv:3", fragment: "NUL byte at offset 47"),
            Row(label: "all-NUL u.data", files: ["u.data": [UInt8](repeating: 0, count: 4096)], location: "u.data:1", fragment: "NUL byte"),
            Row(label: "all-NUL csv", files: ["r.csv": [UInt8](repeating: 0, count: 4096)], source: .csv, location: "r.csv:1", fragment: "NUL byte"),
            Row(label: "NUL in movies.csv", files: ratingsCSV("1,10,4.0,1\n").merging(["movies.csv": bytes("movieId,title,genres\n10,A") + [0] + bytes(",Drama\n")]) { $1 },
                location: "movies.csv:2", fragment: "NUL byte"),
            Row(label: "NUL in u.item", files: uData("1\t1\t5\t1\n").merging(["u.item": [0, 0, 0]]) { $1 }, location: "u.item:1", fragment: "NUL byte"),

            // Unparseable lines.
            Row(label: "rating not a number", files: ratingsCSV("1,2,3.0,100\n1,3,four,100\n"), location: "ratings.csv:3", fragment: "rating `four` is not a number"),
            Row(label: "rating nan", files: ratingsCSV("1,2,nan,100\n"), location: "ratings.csv:2", fragment: "rating `nan` is not a number"),
            Row(label: "rating 1e999", files: ratingsCSV("1,2,1e999,100\n"), location: "ratings.csv:2", fragment: "rating `1e999` is not a number"),
            Row(label: "rating empty", files: ratingsCSV("1,2,,100\n"), location: "ratings.csv:2", fragment: "rating `` is not a number"),
            Row(label: "id not an integer", files: uData("1\tx7\t3\t4\n"), location: "u.data:1", fragment: "item id `x7` is not an integer"),
            Row(label: "id past Int64", files: uData("99999999999999999999\t7\t3\t4\n"), location: "u.data:1", fragment: "user id `99999999999999999999` is not an integer"),
            Row(label: "too few fields", files: ratingsCSV("1,2,3.0,100\n1,3,4.0\n"), location: "ratings.csv:3", fragment: "expected 4 fields, found 3"),
            Row(label: "too many fields", files: ratingsDat("1::2::3::4::5\n"), location: "ratings.dat:1", fragment: "expected 4 fields, found 5"),
            Row(label: "unterminated quote", files: ratingsCSV("1,\"2,3.0,100\n"), location: "ratings.csv:2", fragment: "unterminated quoted field"),
            Row(label: "empty user id in csv", files: ["r.csv": bytes(csvHeader + ",2,3,4\n")], source: .csv, location: "r.csv:2", fragment: "empty user id"),
            Row(label: "ESC in a user id", files: ratingsCSV("\u{1B}[31m,2,3.0,100\n"), location: "ratings.csv:2",
                fragment: "user id `<U+001B>[31m` is not an integer"),
            Row(label: "timestamp not an integer", files: uData("1\t7\t3\t2020-01-01\n"), location: "u.data:1", fragment: "timestamp `2020-01-01` is not an integer"),

            // Negative ids in MovieLens layouts.
            Row(label: "negative user in ratings.csv", files: ratingsCSV("1,2,3.0,100\n-3,2,3.0,100\n"), location: "ratings.csv:3",
                fragment: "user id -3 is negative; MovieLens ids are positive integers"),
            Row(label: "negative item in u.data", files: uData("1\t-7\t3\t4\n"), location: "u.data:1", fragment: "item id -7 is negative"),
            Row(label: "negative user in ratings.dat", files: ratingsDat("-1::2::3::4\n"), location: "ratings.dat:1", fragment: "user id -1 is negative"),

            // Ratings outside the scale.
            Row(label: "6 stars in ratings.csv", files: ratingsCSV("1,2,3.0,100\n1,3,6.0,100\n"), location: "ratings.csv:3",
                fragment: "rating 6.0 is outside the MovieLens ratings.csv scale 0.5-5; fix the rating, or state the scale with data.rating_range"),
            Row(label: "0 stars in ratings.csv", files: ratingsCSV("1,2,0,100\n"), location: "ratings.csv:2", fragment: "rating 0 is outside the MovieLens ratings.csv scale 0.5-5"),
            Row(label: "half star in u.data", files: uData("1\t1\t5\t1\n1\t2\t0.5\t1\n"), location: "u.data:2", fragment: "rating 0.5 is outside the ml-100k scale 1-5"),
            Row(label: "6 in u.data", files: uData("1\t1\t6\t1\n"), location: "u.data:1", fragment: "rating 6 is outside the ml-100k scale 1-5"),
            Row(label: "-1 in ratings.dat", files: ratingsDat("1::2::-1::4\n"), location: "ratings.dat:1", fragment: "rating -1 is outside the MovieLens ratings.dat scale 0.5-5"),
            Row(label: "outside a stated range", files: ratingsCSV("1,2,3.0,100\n1,3,4.0,100\n"), ratingRange: 1...3, location: "ratings.csv:3",
                fragment: "rating 4.0 is outside data.rating_range 1-3; fix the rating or widen data.rating_range"),
            Row(label: "outside a stated csv range", files: ["r.csv": bytes(csvHeader + "a,b,5,1\nc,d,7,1\n")], source: .csv, ratingRange: 1...5,
                location: "r.csv:3", fragment: "rating 7 is outside data.rating_range 1-5"),
            Row(label: "9 in a predefined fold", files: uData("1\t1\t5\t1\n1\t2\t3\t1\n").merging(["u1.base": bytes("1\t1\t5\t1\n"), "u1.test": bytes("1\t2\t3\t1\n1\t1\t9\t1\n")]) { $1 },
                location: "u1.test:2", fragment: "rating 9 is outside the ml-100k scale 1-5"),
            Row(label: "synthetic outside a stated range", files: [:], source: .synthetic(tinySynthetic), ratingRange: 2...3, location: "",
                fragment: "data.synthetic: the generator writes ratings"),

            // Catalogues and duplicates: both lines named.
            Row(label: "duplicate movieId", files: ratingsCSV("1,10,4.0,1\n").merging(["movies.csv": bytes("movieId,title,genres\n10,A (1990),Drama\n20,B (1991),Comedy\n10,C (1992),War\n")]) { $1 },
                location: "movies.csv:4", fragment: "duplicate movieId 10 (first at line 2); each must appear once"),
            Row(label: "duplicate id in u.item", files: uData("1\t1\t5\t1\n").merging(["u.item": bytes("1|A (1990)|x||u|0\n1|B (1991)|x||u|0\n")]) { $1 },
                location: "u.item:2", fragment: "duplicate movie id 1 (first at line 1)"),
            Row(label: "duplicate id in movies.dat", files: ratingsDat("1::2::3::4\n").merging(["movies.dat": bytes("2::A (1990)::Drama\n\n2::B (1991)::War\n")]) { $1 },
                location: "movies.dat:3", fragment: "duplicate MovieID 2 (first at line 1)"),
            Row(label: "movies.csv with two fields", files: ratingsCSV("1,10,4.0,1\n").merging(["movies.csv": bytes("movieId,title,genres\n10,A\n")]) { $1 },
                location: "movies.csv:2", fragment: "expected 3 fields, found 2"),
            Row(label: "duplicate rating under duplicates: error", files: ratingsCSV("1,2,3.0,100\n1,5,1.0,100\n1,2,4.5,200\n"), duplicates: .error,
                location: "ratings.csv:4", fragment: "duplicate rating for user 1, item 2 (first at line 2)"),
        ]
    }

    func testEveryRowIsRefusedWithItsFileAndLine() throws {
        XCTAssertGreaterThanOrEqual(Self.rows.count, 40)
        for row in Self.rows {
            let folder = try TemporaryFolder()
            for (name, contents) in row.files { try folder.write(name, bytes: contents) }
            let prefix = row.location.isEmpty ? "" : folder.file(row.location) + ": "
            do {
                _ = try load(row, in: folder)
                XCTFail("\(row.label): accepted")
            } catch let error as DataError {
                let message = error.description
                XCTAssertTrue(message.hasPrefix(prefix) && message.contains(row.fragment),
                              "\(row.label): expected \(prefix)…\(row.fragment)…, got \(message)")
            }
        }
    }

    private func load(_ row: Row, in folder: TemporaryFolder) throws -> Dataset {
        var config = DataConfig()
        config.ratingRange = row.ratingRange
        config.duplicates = row.duplicates
        switch row.source {
        case .movielens:
            config.source = .movielens
            config.path = folder.path
        case .csv:
            config.source = .csv
            config.csv.path = "r.csv"
        case let .synthetic(options):
            config.source = .synthetic
            config.synthetic = options
        }
        return try DatasetLoader.load(config, relativeTo: folder.path, locator: DataLocator(environment: [:], currentDirectory: folder.path))
    }

    /// A ratings file that is a folder, a device or a named pipe is refused before it is
    /// opened (a pipe nobody writes to would block the opening for ever).
    func testAFolderADeviceOrAPipeIsRefusedBeforeItIsOpened() throws {
        let cases: [(make: (String) throws -> Void, reason: String)] = [
            ({ try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }, "it is a folder, not a file"),
            ({ try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/zero") }, "it is not a regular file: a device, pipe or socket"),
            ({ XCTAssertEqual(mkfifo($0, 0o644), 0) }, "it is not a regular file: a device, pipe or socket"),
        ]
        for (make, reason) in cases {
            let folder = try TemporaryFolder()
            try make(folder.file("ratings.csv"))
            XCTAssertThrowsError(try DatasetLoader.loadMovieLens(folder: folder.path)) { error in
                XCTAssertEqual(error as? DataError, .unreadable(path: folder.file("ratings.csv"), reason: reason))
            }
        }
    }

    // MARK: Notes

    func testAMissingCatalogueIsNoted() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", Fixture.latestSmallRatings)
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(dataset.notes, ["no movies.csv in \(folder.path): runs will have no titles or genres (items show as `item <id>`)"])
        XCTAssertEqual(dataset.itemInfo.map(\.title), ["item 10", "item 20", "item 30"])
        XCTAssertEqual(dataset.ratingScale, RatingScale(low: 0.5, high: 5, origin: "the MovieLens ratings.csv scale"))
    }

    func testRatingsOfUncataloguedItemsAreCountedAndNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", Self.csvHeader + "1,10,4.0,1\n1,99,3.0,1\n2,98,2.0,1\n3,99,5.0,1\n2,20,1.0,1\n")
        try folder.write("movies.csv", "movieId,title,genres\n10,A (1990),Drama\n20,B (1991),War\n")
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(dataset.uncataloguedItems, ["98", "99"])
        XCTAssertEqual(dataset.uncataloguedRatingCount, 3)
        XCTAssertEqual(dataset.notes, [
            "3 ratings (2 items) name items missing from movies.csv: 98 (ratings.csv:4), 99 (ratings.csv:3); they train, but show as `item <id>`",
        ])
        let summary = DatasetSummary(dataset)
        XCTAssertEqual(summary.json["uncatalogued_items"], .int(2))
        XCTAssertEqual(summary.json["uncatalogued_ratings"], .int(3))
        XCTAssertEqual(summary.json["notes"], .array(dataset.notes.map(JSONValue.string)))
        XCTAssertTrue(summary.text.contains("not in the catalogue                   2 items, 3 ratings\n"), summary.text)
        XCTAssertTrue(summary.text.hasSuffix("note: \(dataset.notes[0])\n"), summary.text)
    }

    func testOnlyTheFirstFiveUncataloguedItemsAreNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", Self.csvHeader + (1...8).map { "1,\($0),3.0,1\n" }.joined())
        try folder.write("movies.csv", "movieId,title,genres\n1,A (1990),Drama\n")
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(dataset.uncataloguedItems.count, 7)
        XCTAssertEqual(dataset.notes.first, "7 ratings (7 items) name items missing from movies.csv: "
                       + "2 (ratings.csv:3), 3 (ratings.csv:4), 4 (ratings.csv:5), 5 (ratings.csv:6), 6 (ratings.csv:7), and 2 more;"
                       + " they train, but show as `item <id>`")
    }

    func testCSVAndSyntheticDataWithoutAStatedScaleTakeTheObservedOneAndSaySo() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("r.csv", Self.csvHeader + "a,b,2,1\nc,d,7,1\n")
        let observed = try DatasetLoader.loadCSV(path: path, options: CSVOptions())
        XCTAssertEqual(observed.ratingScale, RatingScale(low: 2, high: 7, origin: "the observed range"))
        XCTAssertEqual(observed.notes, ["rating scale: none stated (data.rating_range), so the observed range 2-7 is taken"])
        let stated = try DatasetLoader.loadCSV(path: path, options: CSVOptions(), ratingRange: 1...10)
        XCTAssertEqual(stated.ratingScale, RatingScale(low: 1, high: 10, origin: "data.rating_range"))
        XCTAssertEqual(stated.notes, [])

        var config = DataConfig()
        config.synthetic.users = 30
        config.synthetic.items = 20
        config.synthetic.ratings = 300
        let synthetic = try DatasetLoader.load(config, relativeTo: nil)
        XCTAssertEqual(synthetic.notes, ["rating scale: none stated (data.rating_range), so the observed range \(synthetic.ratingScale.text) is taken"])
        config.ratingRange = 0.5...5
        XCTAssertEqual(try DatasetLoader.load(config, relativeTo: nil).notes, [])
    }

    func testAStatedRangeWidensAMovieLensScale() throws {
        let folder = try TemporaryFolder()
        try folder.write("u.data", "1\t1\t10\t1\n1\t2\t0\t1\n")
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path, ratingRange: 0...10)
        XCTAssertEqual(dataset.ratings.ratings, [10, 0])
        XCTAssertEqual(dataset.ratingScale.origin, "data.rating_range")
    }

    /// The shared ml-latest-small holds one rating of an item that movies.csv lacks.
    func testTheSharedLatestSmallNamesItsUncataloguedRating() throws {
        guard let dataset = try RealData.load("ml-latest-small", marker: "ml-latest-small/ratings.csv") else { return }
        guard !dataset.uncataloguedItems.isEmpty else { return }  // a pristine GroupLens copy
        XCTAssertEqual(dataset.uncataloguedItems, ["999999"])
        XCTAssertEqual(dataset.uncataloguedRatingCount, 1)
        XCTAssertTrue(dataset.notes.contains { $0.hasPrefix("1 rating (1 item) names an item missing from movies.csv: 999999 (ratings.csv:") },
                      "\(dataset.notes)")
        XCTAssertEqual(DatasetSummary(dataset).uncataloguedRatings, 1)
    }
}
