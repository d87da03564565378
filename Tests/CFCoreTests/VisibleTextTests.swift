import CFCore
import XCTest

final class VisibleTextTests: XCTestCase {
    func testHiddenCharactersAreWrittenAsTheirCodes() {
        XCTAssertEqual(VisibleText.escaping("\u{1B}[31mred"), "<U+001B>[31mred")
        XCTAssertEqual(VisibleText.escaping("a\nb\rc\u{7F}d\u{85}"), "a<U+000A>b<U+000D>c<U+007F>d<U+0085>")
        XCTAssertEqual(VisibleText.escaping("abc\u{202E}def\u{2028}"), "abc<U+202E>def<U+2028>")
    }

    func testPrintableTextTabsAndJoinersAreLeftAsTheyAre() {
        for text in ["plain", "tab\tseparated", "café ü 日本", "👩\u{200D}💻", "", "<U+001B> already written"] {
            XCTAssertEqual(VisibleText.escaping(text), text)
        }
    }
}
