import CFText
import XCTest

/// Markdown and LaTeX: rounded numbers, the best row in bold, one escaping each.
final class PeopleFormatTests: XCTestCase {
    func testMarkdownBoldsTheBestRowAndAlignsNumbersRight() {
        XCTAssertEqual(TableRenderer(format: .markdown).render(TableFixtures.mixed), """
            **Two runs**

            | id | optimizer.lr | model | valid RMSE |
            |---:|---:|---|---:|
            | **7** | **0.003162** | **dot\\_bias** | **0.8605** |
            | 12 | 0.1 | nn | - |

            Best: run 7.
            """)
    }

    func testLaTeXBoldsTheBestRowAndWritesPlusMinus() {
        XCTAssertEqual(TableRenderer(format: .latex).render(TableFixtures.mixed), """
            % Two runs
            \\begin{tabular}{rrlr}
            \\hline
            id & optimizer.lr & model & valid RMSE \\\\
            \\hline
            \\textbf{7} & \\textbf{0.003162} & \\textbf{dot\\_bias} & \\textbf{0.8605} \\\\
            12 & 0.1 & nn & - \\\\
            \\hline
            \\end{tabular}
            % Best: run 7.
            """)
        XCTAssertTrue(TableRenderer(format: .latex).render(TableFixtures.summaries).contains("dot & 0.9200 $\\pm$ 0.0100 \\\\"))
    }

    func testMarkdownEscapesPipesBackslashesUnderscoresAndStars() {
        XCTAssertEqual(Escaping.markdown("a|b\\c_d*e`f<g>"), "a\\|b\\\\c\\_d\\*e\\`f\\<g\\>")
        XCTAssertEqual(TableRenderer(format: .markdown).render(TableFixtures.text("x | y_z", title: "na*me")), """
            | na\\*me |
            |---|
            | x \\| y\\_z |
            """)
    }

    func testLaTeXEscapesEverySpecialCharacter() {
        XCTAssertEqual(Escaping.latex("& % $ # _ { } ~ ^ \\"),
                       "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}")
        XCTAssertEqual(Escaping.latex("two\nlines"), "two lines")
    }

    func testCSVFieldQuotesOnlyWhenNeeded() {
        XCTAssertEqual(Escaping.csvField("plain text"), "plain text")
        XCTAssertEqual(Escaping.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(Escaping.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(Escaping.csvField("line\r\nbreak"), "\"line\r\nbreak\"")
    }
}

/// `Escaping.terminalLines`: line feeds stay, every other control character is a space.
final class TerminalLinesTests: XCTestCase {
    func testLineFeedsStayAndOtherControlsBecomeSpaces() {
        XCTAssertEqual(Escaping.terminalLines("a\u{1B}[2J\nb\u{9B}c\r\td"), "a [2J\nb c  d")
        XCTAssertEqual(Escaping.terminal("a\nb"), "a b")
    }
}
