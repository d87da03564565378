import CFReport
import CFTestSupport
import Foundation
import XCTest

/// The report a reader opens: a page whose structure holds, and charts that decode.
final class ReportPageTests: XCTestCase {
    func testThePageIsWellFormedAndEveryChartDecodes() throws {
        // scripts/test runs scripts/deps first, which installs gnuplot-nox or stops.
        guard Gnuplot.find() != nil else { return XCTFail("gnuplot is not on PATH: run scripts/deps (installs gnuplot-nox)") }
        let (store, _) = try ReportFixtures.store(self)
        let root = try TemporaryFolder.make(for: self)
        let outcome = try ReportWriter(root: root, options: ChartSet.Options(minRatings: 20, labelled: 5))
            .write(store: store, selection: RunSelection(sweep: "fixture-sweep"))
        XCTAssertEqual(outcome.failures, [])
        let html = try String(contentsOf: outcome.index, encoding: .utf8)
        XCTAssertEqual(HTMLChecks.problems(html, folder: outcome.folder), [])
        for section in ["Comparison", "Charts", "Provenance"] { XCTAssertTrue(html.contains("<h2>\(section)</h2>"), section) }
        XCTAssertEqual(html.components(separatedBy: "<figure>").count - 1, outcome.charts.count, "one figure per chart")
        for chart in outcome.charts {
            XCTAssertTrue(html.contains("<img src=\"\(chart).png\""), chart)
            let png = try Data(contentsOf: outcome.folder.appendingPathComponent(chart + ".png"))
            XCTAssertNil(ImageChecks.pngDecodingProblem(png), chart)
            let svg = try Data(contentsOf: outcome.folder.appendingPathComponent(chart + ".svg"))
            XCTAssertTrue(ImageChecks.isSVG(svg), chart)
        }
    }

    func testTheChecksCatchBrokenPagesAndImages() throws {
        let folder = try TemporaryFolder.make(for: self)
        try Data("x".utf8).write(to: folder.appendingPathComponent("a.png"))
        let page = "<html><body><h1>t</h1><h2>A</h2><table><tr><td>1</td></tr></table><img src=\"a.png\"></body></html>"
        XCTAssertEqual(HTMLChecks.problems(page, folder: folder), [])
        let broken: [(String, String)] = [
            (page.replacingOccurrences(of: "</table>", with: ""), "</body> closes <table>"),
            (page.replacingOccurrences(of: "a.png", with: "b.png"), "b.png does not exist"),
            (page.replacingOccurrences(of: "a.png", with: "https://example.org/a.png"), "<img> links outside the report: https://example.org/a.png"),
            (page.replacingOccurrences(of: "a.png", with: "../a.png"), "../a.png leaves the report folder"),
            (page.replacingOccurrences(of: "<h2>A</h2>", with: "<h2>A</h2><h2>A</h2>"), "a section heading repeats: [\"A\", \"A\"]"),
            (page.replacingOccurrences(of: "<tr><td>1</td></tr>", with: "<tr><td>1</td></tr><tr><td>1</td><td>2</td></tr>"), "table 1 has rows of [1, 2] cells"),
        ]
        for (html, problem) in broken { XCTAssertTrue(HTMLChecks.problems(html, folder: folder).contains(problem), "\(problem): \(HTMLChecks.problems(html, folder: folder))") }
        // A PNG cut short, or with one byte of its pixel data changed, does not pass.
        let (store, _) = try ReportFixtures.store(self)
        let outcome = try ReportWriter(root: folder).write(store: store, selection: RunSelection(sweep: "fixture-sweep"))
        let png = try [UInt8](Data(contentsOf: outcome.folder.appendingPathComponent("curves.png")))
        XCTAssertNil(ImageChecks.pngDecodingProblem(Data(png)))
        XCTAssertNotNil(ImageChecks.pngDecodingProblem(Data(png.prefix(png.count / 2))))
        var changed = png
        changed[60] ^= 0xFF
        XCTAssertNotNil(ImageChecks.pngDecodingProblem(Data(changed)))
        XCTAssertFalse(ImageChecks.isSVG(Data("<svg><g></svg>".utf8)))
        XCTAssertFalse(ImageChecks.isSVG(Data("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".utf8)), "no size")
    }
}
