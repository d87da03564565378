@testable import CFServe
import XCTest

/// The server's SVG curves, checked as text: one polyline per series, labels escaped,
/// non-finite values left out, and a note when nothing is drawn.
final class CurveChartTests: XCTestCase {
    func testEachSeriesIsOnePolylineWithItsFinitePoints() {
        let chart = CurveChart(title: "valid <rmse>", yLabel: "rmse", series: [
            .init(label: "run 1 <b>&", colour: "#1b9e77", points: [(1, 1.0), (2, 0.8), (3, .nan), (4, 0.7)], marked: 4),
            .init(label: "run 2", colour: "#d95f02", points: [(1, 1.1), (2, 0.9)], marked: nil),
        ])
        let svg = chart.svg()
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 300\""))
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2)
        let first = svg.components(separatedBy: "<polyline")[1].components(separatedBy: "points=\"")[1].prefix { $0 != "\"" }
        XCTAssertEqual(first.split(separator: " ").count, 3, "the NaN epoch is left out")
        XCTAssertTrue(svg.contains("valid &lt;rmse&gt;"))
        XCTAssertTrue(svg.contains("run 1 &lt;b&gt;&amp;"))
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertTrue(svg.contains("r=\"6\""), "the best epoch is ringed")
        XCTAssertTrue(svg.hasSuffix("</svg>"))
    }

    func testAChartWithoutFinitePointsIsANote() {
        let chart = CurveChart(title: "lr", yLabel: "lr", series: [.init(label: "lr", colour: "#000", points: [(1, .infinity)], marked: nil)])
        XCTAssertEqual(chart.svg(), "<p class=\"note\">lr: no epoch recorded yet.</p>")
    }

    func testTicksAreRoundAndCoverTheRange() {
        XCTAssertEqual(CurveChart.ticks(0.42, 1.13), [0.4, 0.6, 0.8, 1.0, 1.2])
        XCTAssertEqual(CurveChart.ticks(0.5, 0.5), [0.5])
        XCTAssertEqual(CurveChart.epochTicks(1, 60), Array(stride(from: 1, through: 60, by: 6)))
    }
}
