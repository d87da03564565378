import CFText
import XCTest

/// The aligned format: padded columns, 4 significant digits unless a column says otherwise.
final class AlignedFormatTests: XCTestCase {
    func testPadsRoundsAndShowsMissingAsADash() {
        XCTAssertEqual(TableRenderer(format: .aligned).render(TableFixtures.mixed), """
            Two runs
            id  optimizer.lr  model     valid RMSE
             7      0.003162  dot_bias      0.8605
            12           0.1  nn                 -

            Best: run 7.
            """)
    }

    func testUnderlinesTheHeaderAndHighlightsTheBestRow() {
        var table = TableFixtures.mixed
        table.title = nil
        table.remarks = []
        table.underlinesHeader = true
        XCTAssertEqual(TableRenderer(format: .aligned, highlightsBest: true).render(table), """
            id  optimizer.lr  model     valid RMSE
            --  ------------  --------  ----------
            \u{1B}[1;32m 7      0.003162  dot_bias      0.8605\u{1B}[0m
            12           0.1  nn                 -
            """)
    }

    func testSummariesShowMeanPlusMinusDeviation() {
        XCTAssertEqual(TableRenderer(format: .aligned).render(TableFixtures.summaries), """
            kind               rmse
            dot     0.9200 ± 0.0100
            biases           0.9700
            """)
    }

    func testStreamedLinesLineUpUnderTheHeader() {
        let table = Table(columns: [
            TableColumn("epoch", alignment: .right, width: 5), TableColumn("lr", alignment: .right, numbers: .scientific(2), width: 9),
            TableColumn("cold", alignment: .right, numbers: .fixed(0), width: 5),
        ])
        let renderer = TableRenderer(format: .aligned)
        XCTAssertEqual(renderer.streamedHeader(table), "epoch         lr   cold")
        XCTAssertEqual(renderer.streamedLine([.integer(3), .number(0.00757), .number(12)], of: table), "    3   7.57e-03     12")
    }

    func testControlCharactersBecomeSpaces() {
        let table = TableFixtures.text("Evil\u{1B}[2J\ttitle\nnext\u{9B}", title: "ti\u{7F}tle")
        XCTAssertEqual(TableRenderer(format: .aligned).render(table), "ti tle\nEvil [2J title next")
    }
}
