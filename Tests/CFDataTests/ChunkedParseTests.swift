@testable import CFData
import CFConfig
import CFTestSupport
import XCTest

/// A ratings file parsed in parts (`RatingsFileReader.parse`'s `chunkSize`, here a few
/// bytes, so that parts end on every kind of line) gives the ratings of one pass, and
/// the refusal of the first bad record in file order with its line.
final class ChunkedParseTests: XCTestCase {
    /// Part sizes from one byte to more than the file.
    private let chunkSizes = [1, 2, 3, 5, 8, 13, 21, 34, 1 << 20]

    private func parse(_ text: [UInt8], file: String = "ratings.csv", format: RatingsFormat = .movieLensCSV,
                       scale: RatingScale? = nil, chunkSize: Int) throws -> RawRatings {
        let folder = try TemporaryFolder()
        let path = try folder.write(file, bytes: text)
        return try RatingsFileReader.withFile(of: path) { file in
            try RatingsFileReader.parse(file, path: path, format: format, scale: scale, chunkSize: chunkSize)
        }
    }

    /// The columns of `raw`, comparable as one value.
    private func columns(_ raw: RawRatings) -> [String] {
        ["\(raw.users.integers)", "\(raw.users.texts ?? [])", "\(raw.items.integers)", "\(raw.items.texts ?? [])",
         "\(raw.ratings.map(\.bitPattern))", "\(raw.timestamps)"]
    }

    /// Every part size parses `text` as one part does; returns that result.
    @discardableResult
    private func assertSameInParts(_ text: String, format: RatingsFormat = .movieLensCSV, file: StaticString = #filePath,
                                   line: UInt = #line) throws -> RawRatings {
        let whole = try parse(Array(text.utf8), format: format, chunkSize: Int.max)
        for size in chunkSizes {
            let parts = try parse(Array(text.utf8), format: format, chunkSize: size)
            XCTAssertEqual(columns(parts), columns(whole), "parts of \(size) bytes", file: file, line: line)
        }
        return whole
    }

    /// Every part size refuses `text` with `path:line: reason`.
    private func assertRefusedInParts(_ text: [UInt8], _ expected: String, format: RatingsFormat = .movieLensCSV,
                                      scale: RatingScale? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        for size in chunkSizes + [Int.max] {
            XCTAssertThrowsError(try parse(text, format: format, scale: scale, chunkSize: size), "parts of \(size) bytes",
                                 file: file, line: line) { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasSuffix("ratings.csv:" + expected), "parts of \(size) bytes: \(message)", file: file, line: line)
            }
        }
    }

    private let header = "userId,movieId,rating,timestamp\n"

    func testPartsGiveTheRatingsOfOnePass() throws {
        let lines = (0..<40).map { "\($0 / 3 + 1),\($0 * 7 % 23 + 1),\(Double($0 % 10) / 2 + 0.5),\(1000 + $0)" }
        let raw = try assertSameInParts(header + lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(raw.count, 40)
        XCTAssertEqual(raw.users.integers.prefix(4), [1, 1, 1, 2])
        XCTAssertEqual(raw.timestamps.last, 1039)
        // No trailing line end, CRLF line ends, blank lines, a BOM, no header.
        try assertSameInParts(header + lines.joined(separator: "\n"))
        try assertSameInParts(header.replacingOccurrences(of: "\n", with: "\r\n") + lines.joined(separator: "\r\n") + "\r\n")
        try assertSameInParts(header + lines.joined(separator: "\n\n\r\n") + "\n\n")
        try assertSameInParts("\u{FEFF}" + header + lines.joined(separator: "\n"))
        try assertSameInParts("\u{FEFF}" + lines.joined(separator: "\n"))
        try assertSameInParts("\n\n" + header + lines.joined(separator: "\n"))
        try assertSameInParts(lines.joined(separator: "\n"), format: .movieLensCSV)
    }

    func testOtherLayoutsInParts() throws {
        try assertSameInParts("1\t2\t3\t4\n5\t6\t2\t8\n9\t10\t1\t12", format: .tabSeparated)
        try assertSameInParts("1::2::3::4\n5::6::2::8\r\n\n9::10::1::12\n", format: .doubleColon)
    }

    /// Quoted fields may hold line ends, so a quoted file is read in one part; text ids
    /// turn a column to text from their record on, so such a file is read in one part too.
    func testQuotedFilesAndTextIdsAreReadAsInOnePass() throws {
        try assertSameInParts(header + "1,\"2\",3.0,4\n\"1\",\"3\",4.0,\"5\"\n2,4,1.0,6\n")
        var generic = RatingsFormat.movieLensCSV
        generic.allowsTextIds = true
        generic.header = .present
        let raw = try assertSameInParts("u,i,r,t\n1,2,3.0,4\n007,3,4.0,5\nalice,4,1.0,6\n008,+5,2.0,7\n", format: generic)
        XCTAssertEqual(raw.users.texts, ["1", "7", "alice", "008"], "ids before the first text one were read as integers")
        XCTAssertEqual(raw.items.integers, [2, 3, 4, 5])
    }

    func testTheFirstBadRecordInFileOrderIsNamedWithItsLine() throws {
        let good = (1...12).map { "\($0),\($0 + 1),3.0,\($0)" }
        func file(_ lines: [String], ending: String = "\n", trailing: Bool = true) -> [UInt8] {
            Array((header + lines.joined(separator: ending) + (trailing ? ending : "")).utf8)
        }
        var last = good
        last.append("13,14,4.0")
        try assertRefusedInParts(file(last), "14: expected 4 fields, found 3")
        try assertRefusedInParts(file(last, trailing: false), "14: expected 4 fields, found 3")
        try assertRefusedInParts(file(last, ending: "\r\n"), "14: expected 4 fields, found 3")
        var two = good
        two[3] = "4,5,x,4"
        two[9] = "10,11,3.0"
        try assertRefusedInParts(file(two), "5: rating `x` is not a number")
        try assertRefusedInParts(file(two, ending: "\n\n"), "8: rating `x` is not a number")
        var negative = good
        negative[11] = "-12,13,3.0,12"
        try assertRefusedInParts(file(negative), "13: user id -12 is negative; MovieLens ids are positive integers")
        let scale = RatingScale(low: 4, high: 5, origin: "data.rating_range")
        try assertRefusedInParts(file(good), "2: " + scale.refusal("3.0"), scale: scale)
    }

    func testEmptyHeaderOnlyAndBinaryFilesInParts() throws {
        try assertRefusedInParts([], "1: the ratings file is empty (no ratings, only blank lines or nothing)")
        try assertRefusedInParts(Array("\n\r\n\n".utf8), "1: the ratings file is empty (no ratings, only blank lines or nothing)")
        try assertRefusedInParts(Array(header.utf8), "2: no ratings after the header line; the file holds no data")
        try assertRefusedInParts(Array(("\u{FEFF}" + header + "\r\n\n").utf8), "2: no ratings after the header line; the file holds no data")
        try assertRefusedInParts(Array((header + "1,2,3.0,4\n1,2").utf8) + [0] + Array(",3.0,4\n".utf8),
                                 "3: NUL byte at offset \(header.utf8.count + 13): the file is binary or corrupt, not text")
        try assertRefusedInParts(Array("1,2,3.0\n".utf8), "1: column 3 does not exist: the file has 3 fields",
                                 format: RatingsFormat(delimiter: [UInt8(ascii: ",")], honorsQuotes: true, header: .detect))
    }
}
