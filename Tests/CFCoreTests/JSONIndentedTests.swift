import CFCore
import XCTest

/// The indented JSON people read: outer levels open, rows and lists of scalars on one line.
final class JSONIndentedTests: XCTestCase {
    func testOpensTheOuterTwoLevelsAndKeepsRowsOnOneLine() {
        let value = JSONValue.object([
            ("rows", .array([.object([("id", .int(1)), ("score", .object([("mean", .double(0.5)), ("std", .null)]))])])),
            ("columns", .array([.string("id"), .string("score")])),
            ("empty", .array([])),
            ("title", .string("t")),
        ])
        XCTAssertEqual(value.indented, """
            {
              "rows": [
                {"id": 1, "score": {"mean": 0.5, "std": null}}
              ],
              "columns": ["id", "score"],
              "empty": [],
              "title": "t"
            }
            """)
        XCTAssertEqual(JSONValue.object([("a", .int(1))]).indented, "{\"a\": 1}")
    }
}
