import CFReport
import CFStore
import CFTestSupport
import Foundation
import XCTest

final class ReportTests: XCTestCase {
    private func write(_ store: RunStore, sweep: String = "fixture-sweep", gnuplot: Gnuplot? = Gnuplot.find()) throws -> ReportWriter.Outcome {
        let root = try TemporaryFolder.make(for: self)
        let writer = ReportWriter(root: root, options: ChartSet.Options(minRatings: 20, labelled: 5), gnuplot: gnuplot)
        return try writer.write(store: store, selection: RunSelection(sweep: sweep))
    }

    private func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func testScriptsMatchFixtures() throws {
        let (store, _) = try ReportFixtures.store(self)
        let outcome = try write(store, gnuplot: nil)
        XCTAssertEqual(outcome.charts, ["curves", "overlay", "pca-scree", "pca", "heatmap", "item-bias", "schedule", "ranking"])
        for name in ["curves.gp", "curves.dat", "overlay.gp", "overlay.dat", "pca.gp", "item-bias.gp", "item-bias.dat"] {
            try ReportFixtures.expected.assertMatches(try text(outcome.folder, name), "report-" + name)
        }
    }

    func testSameStoreGivesIdenticalScriptsDataTablesAndPage() throws {
        let (store, _) = try ReportFixtures.store(self)
        let first = try write(store), second = try write(store)
        let files = try FileManager.default.contentsOfDirectory(atPath: first.folder.path)
            .filter { [".gp", ".dat", ".html", ".md"].contains(where: $0.hasSuffix) }.sorted()
        XCTAssertEqual(files.count, 8 * 2 + 2)
        for file in files {
            XCTAssertEqual(try text(first.folder, file), try text(second.folder, file), file)
        }
    }

    func testImagesAreWellFormedWhenGnuplotIsPresent() throws {
        // scripts/test runs scripts/deps first, which installs gnuplot-nox or stops.
        guard Gnuplot.find() != nil else { return XCTFail("gnuplot is not on PATH: run scripts/deps (installs gnuplot-nox)") }
        let (store, _) = try ReportFixtures.store(self)
        let outcome = try write(store)
        XCTAssertEqual(outcome.failures, [])
        for chart in outcome.charts {
            let png = try Data(contentsOf: outcome.folder.appendingPathComponent(chart + ".png"))
            XCTAssertNil(ImageChecks.pngProblem(png), chart)
            let svg = try Data(contentsOf: outcome.folder.appendingPathComponent(chart + ".svg"))
            XCTAssertTrue(ImageChecks.isSVG(svg), chart)
        }
    }

    func testWithoutGnuplotScriptsDataAndPageAreStillWritten() throws {
        let (store, _) = try ReportFixtures.store(self)
        let outcome = try write(store, gnuplot: nil)
        XCTAssertFalse(outcome.drewImages)
        let files = try FileManager.default.contentsOfDirectory(atPath: outcome.folder.path)
        XCTAssertFalse(files.contains { $0.hasSuffix(".png") })
        XCTAssertTrue(files.contains("index.html") && files.contains("curves.gp") && files.contains("curves.dat"))
        XCTAssertTrue(Gnuplot.installHint.contains("apt-get install gnuplot-nox") && Gnuplot.installHint.contains("brew install gnuplot"))
        XCTAssertNil(Gnuplot.find(path: "/nonexistent"))
    }

    func testHostileTitleIsOnlyQuotedDataForGnuplot() throws {
        let (store, _) = try ReportFixtures.store(self)
        let outcome = try write(store, gnuplot: nil)
        for name in try FileManager.default.contentsOfDirectory(atPath: outcome.folder.path) where name.hasSuffix(".gp") {
            let script = try text(outcome.folder, name)
            for fragment in ["rm -rf", "system(", "`", "$(", "Evil", "@x", "#y"] {
                XCTAssertFalse(script.contains(fragment), "\(name) contains \(fragment)")
            }
        }
        let field = "\"Evil ″$(rm -rf ~)″ `ls`; system(″x″) @x #y, é 'q' \\\\ ,\""
        XCTAssertTrue(try text(outcome.folder, "pca.dat").contains(field))
        XCTAssertEqual(GnuplotText.dataField(ReportFixtures.hostileTitle), field)
        XCTAssertEqual(GnuplotText.literal(ReportFixtures.hostileTitle), "'Evil ??(rm -rf ?)? ?ls?? system(?x?) ?x ?y, é ?q? ? ,'")
    }

    func testHostileTitleIsEscapedInHTML() throws {
        let (store, _) = try ReportFixtures.store(self)
        let html = try text(try write(store, gnuplot: nil).folder, "index.html")
        XCTAssertTrue(html.contains("Evil &quot;$(rm -rf ~)&quot; `ls`; system(&quot;x&quot;) @x #y, é &#39;q&#39; \\ ,"))
        XCTAssertFalse(html.contains("Evil \""))
        XCTAssertTrue(html.contains("<h2>Items at the ends of PC1 (run 4)</h2>"))
        XCTAssertTrue(html.contains("<th>data fingerprint</th><td>data-fp</td>") && html.contains("<th>build id</th><td>build-1</td>"))
        XCTAssertEqual(HTMLText.escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
    }

    func testSweepNamesCannotEscapeTheOutputFolder() throws {
        for name in ["../../x", "a/b", "..", ".", "/etc/passwd", ReportFixtures.hostileTitle] {
            let (store, _) = try ReportFixtures.store(self, sweepName: name)
            let root = try TemporaryFolder.make(for: self)
            let outcome = try ReportWriter(root: root, gnuplot: nil).write(store: store, selection: RunSelection(sweep: name))
            let plots = root.appendingPathComponent("plots").standardizedFileURL.path
            XCTAssertEqual(outcome.folder.standardizedFileURL.deletingLastPathComponent().path, plots, name)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["plots"], name)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: plots).count, 1, name)
        }
        XCTAssertEqual(OutputFolder.sanitisedName("../../x"), "_._.._x")
        XCTAssertEqual(OutputFolder.sanitisedName(".."), "_.")
        XCTAssertEqual(OutputFolder.sanitisedName("a/b"), "a_b")
    }
}
