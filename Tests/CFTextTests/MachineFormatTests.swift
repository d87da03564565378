import CFCore
import CFText
import XCTest

/// CSV and JSON: lossless numbers, missing values empty or null, RFC 4180 quoting.
final class MachineFormatTests: XCTestCase {
    func testCSVWritesKeysFullPrecisionAndEmptyMissingFields() {
        XCTAssertEqual(TableRenderer(format: .csv).render(TableFixtures.mixed), """
            id,lr,model,valid_rmse
            7,0.0031622776601683794,dot_bias,0.86051234
            12,0.1,nn,
            """)
    }

    func testCSVSplitsSummariesIntoMeanAndStd() {
        XCTAssertEqual(TableRenderer(format: .csv).render(TableFixtures.summaries), """
            kind,rmse,rmse std
            dot,0.92,0.010000000000000009
            biases,0.97,
            """)
    }

    func testCSVQuotesCommasQuotesAndLineBreaks() {
        let table = Table(columns: [TableColumn("title, year"), TableColumn("note")], rows: [
            [.text("Twelve Monkeys, \"12\""), .text("two\nlines")], [.text("crlf\r\nend"), .text("plain")],
        ])
        XCTAssertEqual(TableRenderer(format: .csv, lineBreak: "\r\n").render(table),
                       "\"title, year\",note\r\n\"Twelve Monkeys, \"\"12\"\"\",\"two\nlines\"\r\n\"crlf\r\nend\",plain")
    }

    func testJSONWritesNumbersAsNumbersAndMissingAsNull() {
        XCTAssertEqual(TableRenderer(format: .json).render(TableFixtures.mixed), """
            {
              "title": "Two runs",
              "columns": ["id", "lr", "model", "valid_rmse"],
              "rows": [
                {"id": 7, "lr": 0.0031622776601683794, "model": "dot_bias", "valid_rmse": 0.86051234, "is_best": true},
                {"id": 12, "lr": 0.1, "model": "nn", "valid_rmse": null, "is_best": false}
              ],
              "remarks": ["Best: run 7."]
            }
            """)
        XCTAssertEqual(TableRenderer(format: .json).render(TableFixtures.summaries), """
            {
              "columns": ["kind", "rmse"],
              "rows": [
                {"kind": "dot", "rmse": {"mean": 0.92, "std": 0.010000000000000009}},
                {"kind": "biases", "rmse": {"mean": 0.97, "std": null}}
              ],
              "remarks": []
            }
            """)
    }

    /// Every double comes back bit for bit from the JSON and CSV text.
    func testNumbersRoundTripBitExactly() throws {
        var random = Xoshiro256StarStar(seed: 11)
        var values: [Double] = [0.1 + 0.2, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 1e-300, 123456789.123456789, -2.5e-7]
        values += (0..<200).map { _ in Double(bitPattern: random.next() >> 2) }
        let table = Table(columns: [TableColumn("x")], rows: values.map { [.number($0)] })
        let json = try JSONValue.parse(TableRenderer(format: .json).render(table))
        let parsed = try XCTUnwrap(json["rows"]?.arrayValue).map { $0["x"]?.doubleValue }
        XCTAssertEqual(parsed.map { $0?.bitPattern }, values.map(\.bitPattern))
        let csv = TableRenderer(format: .csv).render(table).split(separator: "\n").dropFirst().map { Double($0) }
        XCTAssertEqual(csv.map { $0?.bitPattern }, values.map(\.bitPattern))
    }

    func testFloatCellsKeepTheirShortestDecimal() {
        let table = Table(columns: [TableColumn("mean")], rows: [[.number(float: 0.1)], [.number(float: 3.52, decimals: 2)]])
        XCTAssertEqual(TableRenderer(format: .csv).render(table), "mean\n0.1\n3.52")
    }
}
