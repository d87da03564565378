@testable import CFStore
import XCTest

/// `--where` is bounded before any work: nesting, conditions and length, each with a
/// located error (50,000 nested parentheses used to end in SIGSEGV).
final class WhereBoundsTests: XCTestCase {
    func nested(_ depth: Int) -> String {
        String(repeating: "(", count: depth) + "seed = 1" + String(repeating: ")", count: depth)
    }

    func message(_ text: String) -> String? {
        do {
            _ = try WhereFilter(parsing: text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testNestingIsCappedAtItsLimit() {
        XCTAssertNil(message(nested(WhereParser.maximumDepth)))
        XCTAssertTrue(message(nested(WhereParser.maximumDepth + 1))?.contains("nested more than 64 levels") ?? false)
        XCTAssertTrue(message(nested(2_000))?.contains("nested more than 64 levels") ?? false)
        XCTAssertTrue(message(String(repeating: "not ", count: 65) + "seed = 1")?.contains("nested more than 64") ?? false)
    }

    func testConditionsAndLengthAreCapped() {
        let conditions = { (count: Int) in Array(repeating: "seed = 1", count: count).joined(separator: " and ") }
        XCTAssertNil(message(conditions(WhereParser.maximumConditions)))
        XCTAssertTrue(message(conditions(WhereParser.maximumConditions + 1))?.contains("more than 256 conditions") ?? false)
        XCTAssertTrue(message(nested(50_000))?.contains("at most 4096 are allowed") ?? false)
    }
}
