import CFText
import XCTest

/// How numbers read in the formats people read.
final class NumberStyleTests: XCTestCase {
    func testUndecoratedNumbersKeepFourSignificantDigits() {
        let standard = NumberStyle.standard
        XCTAssertEqual(standard.text(0.0031622776601683794), "0.003162")
        XCTAssertEqual(standard.text(0.0001), "0.0001")
        XCTAssertEqual(standard.text(1e-05), "1e-05")
        XCTAssertEqual(standard.text(0.3), "0.3")
        XCTAssertEqual(standard.text(0.0), "0.0")
        XCTAssertEqual(standard.text(-0.0), "0.0")
        XCTAssertEqual(standard.text(123.456789), "123.5")
        XCTAssertEqual(standard.text(.nan), "nan")
        XCTAssertEqual(standard.text(-.infinity), "-inf")
    }

    func testFixedAndScientificStyles() {
        XCTAssertEqual(NumberStyle.fixed(4).text(0.92), "0.9200")
        XCTAssertEqual(NumberStyle.fixed(2).text(-0.001), "0.00")
        XCTAssertEqual(NumberStyle.fixed(0).text(1054831.4), "1054831")
        XCTAssertEqual(NumberStyle.scientific(2).text(0.00757), "7.57e-03")
    }

    func testACellsOwnStyleWinsOverItsColumns() {
        XCTAssertEqual(TableCell.number(0.5, decimals: 1).text(style: .fixed(4)), "0.5")
        XCTAssertEqual(TableCell.number(0.5).text(style: .fixed(4)), "0.5000")
        XCTAssertEqual(TableCell.number(nil, decimals: 2), .missing)
    }

    func testConfigValuesBecomeTypedCells() {
        XCTAssertEqual(TableCell(.int(64)), .integer(64))
        XCTAssertEqual(TableCell(.double(0.001)), .number(0.001, style: nil))
        XCTAssertEqual(TableCell(.string("dot")), .text("dot"))
        XCTAssertEqual(TableCell(.bool(true)), .flag(true))
        XCTAssertEqual(TableCell(.bool(false)).json, .bool(false), "a flag is a JSON boolean")
        XCTAssertEqual(TableCell(.bool(true)).text(style: nil), "true")
        XCTAssertEqual(TableCell(.null), .missing)
        XCTAssertEqual(TableCell(nil), .missing)
    }
}
