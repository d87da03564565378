@testable import CFData
import CFConfig
import CFTestSupport
import XCTest

/// The record scanner at the end of its buffer: a delimiter that is the buffer's last
/// byte ends the record with an empty field, and nothing past the end is read.
///
/// Found by `bench/fuzz` (crashes/ratings-csv, crashes/movielens): with quotes honoured,
/// the scanner looked at the byte after such a delimiter for an opening quote, one past
/// the buffer (a trap in debug builds, a read past the mapped file in release).
final class RecordScannerTests: XCTestCase {
    /// The fields of every record of `text`, scanned from a buffer of exactly its bytes.
    private func records(_ text: String, delimiter: String = ",", honorsQuotes: Bool = true) throws -> [[String]] {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { buffer.deallocate() }
        _ = buffer.initialize(from: bytes)
        let view = UnsafeBufferPointer(buffer)
        var scanner = RecordScanner(bytes: view, path: "r.csv", delimiter: Array(delimiter.utf8), honorsQuotes: honorsQuotes)
        var fields: [FieldRange] = []
        var result: [[String]] = []
        while try scanner.next(into: &fields) != nil {
            result.append(fields.map { ByteParsing.string(view, $0) })
        }
        return result
    }

    func testATrailingDelimiterAtTheEndOfTheBufferIsAnEmptyLastField() throws {
        XCTAssertEqual(try records("1,2,"), [["1", "2", ""]])
        XCTAssertEqual(try records("a,b\n1,2,"), [["a", "b"], ["1", "2", ""]])
        XCTAssertEqual(try records("\"x\","), [["x", ""]])
        XCTAssertEqual(try records(","), [["", ""]])
        XCTAssertEqual(try records("1::2::", delimiter: "::", honorsQuotes: false), [["1", "2", ""]])
        XCTAssertEqual(try records("1,2,\n"), try records("1,2,"))
    }

    func testATrailingDelimiterInARatingsFileIsAnEmptyTimestamp() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("ratings.csv", "userId,movieId,rating,timestamp\n1,10,4.0,")
        XCTAssertThrowsError(try DatasetLoader.loadMovieLens(folder: folder.path)) { error in
            XCTAssertEqual((error as? DataError)?.description, "\(path):2: timestamp `` is not an integer")
        }
        let header = try folder.write("r.csv", "user,item,rating,")
        XCTAssertThrowsError(try DatasetLoader.loadCSV(path: header, options: CSVOptions())) { error in
            XCTAssertEqual((error as? DataError)?.description, "\(header):2: no ratings after the header line; the file holds no data")
        }
    }
}
