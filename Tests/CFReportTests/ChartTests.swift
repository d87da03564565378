@testable import CFReport
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// The fixed chart behaviours, read from the scripts and data a report writes.
final class ChartTests: XCTestCase {
    private func charts(_ store: RunStore, sweep: String) throws -> (report: ReportData, charts: [String: Chart]) {
        let report = try ReportData(store: store, selection: RunSelection(sweep: sweep))
        let set = ChartSet(report, options: ChartSet.Options(minRatings: 20, labelled: 15))
        return (report, Dictionary(uniqueKeysWithValues: set.charts.map { ($0.name, $0) }))
    }

    /// The lines of `script`'s first terminal (the PNG one); the SVG one repeats them.
    private func lines(_ chart: Chart?) -> [String] {
        let all = chart?.script.split(separator: "\n").map(String.init) ?? []
        return Array(all.prefix { $0 != "reset" })
    }

    func testAModelKindHasOneColourInEveryChartOfThePage() throws {
        let (report, charts) = try charts(try ReportFixtures.wideStore(self), sweep: "wide")
        let palette = ChartPalette(runs: report.runs, keys: ["model.kind"])
        let dot = palette.colour(kind: "dot"), dotBias = palette.colour(kind: "dot_bias")
        XCTAssertNotEqual(dot, dotBias)
        // Curves: the best run is a dot run (rank 0), drawn in dot's colour only.
        let curves = lines(charts["curves"]).joined(separator: "\n")
        XCTAssertEqual(report.best.modelKind, "dot")
        XCTAssertTrue(curves.contains(dot) && !curves.contains(dotBias), curves)
        // Overlay (coloured by model.kind, as the runs have two kinds): each block's colour is its kind's.
        let overlay = try XCTUnwrap(charts["overlay"])
        let blocks = overlay.data.components(separatedBy: "\n\n\n")
        for line in lines(overlay) where line.contains("title columnheader(2)") {
            let index = try XCTUnwrap(Int(line.split(separator: " ")[2]), line)
            let kind = blocks[index].contains("kind=dot_bias") ? "dot_bias" : "dot"
            XCTAssertTrue(line.contains(palette.colour(kind: kind)), "block \(index) (\(kind)): \(line)")
        }
        // Sensitivity: one line per kind in the same colours, blocks in sorted kind order.
        let sensitivity = lines(charts["sensitivity-optimizer.lr"]).filter { $0.contains("yerrorlines") }
        XCTAssertEqual(sensitivity.count, 2)
        XCTAssertTrue(sensitivity[0].contains(dot) && sensitivity[1].contains(dotBias), "\(sensitivity)")
        // Assigned once, from sorted values: the same runs in any order give the same colours.
        XCTAssertEqual(ChartPalette(runs: report.runs.reversed(), keys: ["model.kind"]).assignments, palette.assignments)
    }

    func testTheOverlayHighlightsTheBestEightAndFitsItsRangeToThem() throws {
        let (_, charts) = try charts(try ReportFixtures.wideStore(self, configurations: 60), sweep: "wide")
        let overlay = lines(charts["overlay"])
        XCTAssertEqual(overlay.filter { $0.contains("title columnheader(2)") }.count, 8, "a legend entry for the 8 highlighted only")
        XCTAssertEqual(overlay.filter { $0.contains("'52 other configurations'") }.count, 1)
        XCTAssertEqual(overlay.filter { $0.contains("#c8c8c8") && $0.contains("notitle") }.count, 51)
        // The 8 best score 0.900-0.907 (0.94 at worst in an epoch); the diverging ones reach 3.9+.
        let range = try XCTUnwrap(overlay.first { $0.hasPrefix("set yrange [") })
        let bounds = range.dropFirst("set yrange [".count).dropLast().split(separator: ":").compactMap { Double($0) }
        XCTAssertEqual(bounds.count, 2, range)
        XCTAssertGreaterThan(bounds[0], 0.8, range)
        XCTAssertLessThan(bounds[1], 1.0, "the worst runs do not set the range: \(range)")
        XCTAssertTrue(try XCTUnwrap(charts["overlay"]).caption.contains("the 8 best of 60 configurations"))
        XCTAssertTrue(overlay.contains("set key below font ',9' maxrows 5 height 1"), "\(overlay)")
        // The legend names the swept keys only, short, ranked.
        XCTAssertTrue(try XCTUnwrap(charts["overlay"]).data.contains("\"epoch\" \"1. kind=dot, lr=0.001 (n = 1)\" \"min\" \"max\""))
    }

    func testAFirstEpochFarAboveTheRestDoesNotSetTheRange() {
        let curve = ChartSet.OverlayCurve(label: "1. a", colorValue: "a", points: [(1, 2.6, 2.5, 2.7), (2, 1.0, 0.98, 1.02), (3, 0.9, 0.88, 0.92)])
        let range = ChartSet.overlayRange([curve])
        XCTAssertEqual(range?.low ?? 0, 0.88 - 0.007, accuracy: 1e-9)
        XCTAssertEqual(range?.high ?? 0, 1.02 + 0.007, accuracy: 1e-9)
        let short = ChartSet.OverlayCurve(label: "1. a", colorValue: "a", points: [(1, 2.6, 2.5, 2.7), (2, 1.0, 1.0, 1.0)])
        XCTAssertEqual(ChartSet.overlayRange([short])?.high ?? 0, 2.7 + 0.085, accuracy: 1e-9, "two epochs: both count")
    }

    func testWithoutAColourKeyEachHighlightedConfigurationHasItsOwnColour() throws {
        let report = try ReportData(store: try ReportFixtures.wideStore(self), selection: RunSelection(sweep: "wide"))
        XCTAssertEqual(ChartSet.overlayColorKey(report, colorBy: nil), "model.kind")
        XCTAssertEqual(ChartSet.overlayColorKey(report, colorBy: "optimizer.lr"), "optimizer.lr")
        let overlay = lines(ChartSet.overlay(report, colorKey: nil, palette: ChartPalette(runs: report.runs, keys: [])))
        let colours = overlay.filter { $0.contains("title columnheader(2)") }.compactMap { line in ChartPalette.colours.first { line.contains($0) } }
        XCTAssertEqual(colours, ChartPalette.colours)
        XCTAssertTrue(overlay.contains { $0.hasPrefix("set title 'Valid RMSE per epoch, one colour per configuration") }, "\(overlay)")
    }

    func testASmallOverlayShowsEveryConfigurationInColour() throws {
        let (_, charts) = try charts(try ReportFixtures.wideStore(self, configurations: 6), sweep: "wide")
        let overlay = lines(charts["overlay"])
        XCTAssertEqual(overlay.filter { $0.contains("title columnheader(2)") }.count, 6)
        XCTAssertFalse(overlay.contains { $0.contains("#c8c8c8") })
        XCTAssertTrue(try XCTUnwrap(charts["overlay"]).caption.hasPrefix("Valid RMSE per epoch of every configuration"))
    }

    func testTheBestEpochLabelStaysInsideThePlot() {
        XCTAssertEqual(ChartSet.bestEpochLabel(10, first: 1, last: 10), "set label 1 'best epoch 10' at 10, graph 0.94 right offset -0.8,0 front")
        XCTAssertEqual(ChartSet.bestEpochLabel(1, first: 1, last: 10), "set label 1 'best epoch 1' at 1, graph 0.94 left offset 0.8,0 front")
        XCTAssertEqual(ChartSet.bestEpochLabel(1, first: 1, last: 1), "set label 1 'best epoch 1' at 1, graph 0.94 right offset -0.8,0 front")
        // The last epoch is half an epoch inside the border, so its marker is never cut.
        XCTAssertEqual(ChartSet.epochRange(first: 1, last: 3), AxisRange(low: 0.5, high: 3.5))
    }

    func testCurvesMarkTheBestEpochWithAPointAndKeepTheLegendBelow() throws {
        let (_, charts) = try charts(try ReportFixtures.store(self).store, sweep: "fixture-sweep")
        let curves = lines(charts["curves"])
        XCTAssertTrue(curves.contains("set key below horizontal height 1"), "\(curves)")
        XCTAssertTrue(curves.contains("set xrange [0.5:3.5]"), "\(curves)")
        XCTAssertTrue(curves.contains { $0.contains("($1 == 2 ? $3 : NaN) with points") && $0.contains("title 'best epoch'") }, "\(curves)")
    }

    func testTicksAreThinnedToStayLegible() {
        XCTAssertEqual(TickStride.of(count: 64, maximum: 16), 4)
        XCTAssertEqual(TickStride.of(count: 16, maximum: 16), 1)
        XCTAssertEqual(TickStride.of(count: 2, maximum: 16), 1)
        XCTAssertEqual(TickStride.of(count: 200, maximum: 16), 16)
        XCTAssertEqual(TickStride.of(count: 100, maximum: 20), 5)
        for count in [1, 7, 33, 64, 128, 513, 5000, 100_000] {
            let stride = TickStride.of(count: count, maximum: 16)
            XCTAssertLessThanOrEqual((count + stride - 1) / stride, 16, "\(count) values, stride \(stride)")
        }
    }

    func testPlacedLabelsNeverOverlapNorLeaveThePlot() {
        // 40 points crowded in a corner and along the right edge, with long titles.
        var points: [(x: Double, y: Double)] = []
        for index in 0..<40 {
            let x: Double = index < 20 ? 20 + Double(index % 5) * 4 : 880 - Double(index % 3) * 3
            points.append((x: x, y: 30 + Double(index) * 9))
        }
        let texts = (0..<40).map { "Title number \($0) with a longish name (1999)" }
        var placement = LabelPlacement(width: 890, height: 620)
        placement.reserved = [LabelPlacement.Box(left: 740, bottom: 578, right: 890, top: 620)]
        let placed = placement.place(points: points, texts: texts)
        XCTAssertGreaterThan(placed.count, 5)
        XCTAssertLessThan(placed.count, 40, "some labels are left out rather than overlap")
        XCTAssertEqual(placed.first?.index, 0, "the most important label is placed first")
        for (position, label) in placed.enumerated() {
            XCTAssertTrue(label.box.isInside(width: 890, height: 620), "\(label)")
            XCTAssertFalse(placement.reserved.contains { $0.overlaps(label.box) }, "\(label) covers the legend")
            for other in placed[(position + 1)...] { XCTAssertFalse(label.box.overlaps(other.box), "\(label) overlaps \(other)") }
        }
    }

    func testThePCAScatterHasFixedRangesAndPlacedLabels() throws {
        let (_, charts) = try charts(try ReportFixtures.store(self).store, sweep: "fixture-sweep")
        let pca = lines(charts["pca"])
        XCTAssertTrue(pca.contains { $0.hasPrefix("set xrange [") } && pca.contains { $0.hasPrefix("set yrange [") }, "\(pca)")
        XCTAssertTrue(pca.contains("set lmargin at screen 0.08"), "\(pca)")
        XCTAssertTrue(pca.contains { $0.contains("with labels left font ',8' notitle") }, "\(pca)")
        XCTAssertFalse(pca.contains { $0.contains("offset") }, "labels are placed in Swift, not offset by gnuplot")
    }

    func testAConstantScheduleIsAFlatLineWithOneTick() {
        let constant = ChartSet.scheduleAxis(AxisRange(covering: [0.001, 0.001, 0.001]))
        XCTAssertEqual(constant, ["set yrange [0.0009:0.0011]", "set ytics (0.001)", "set format y '%.6g'"])
        XCTAssertEqual(ChartSet.scheduleAxis(AxisRange(covering: [0.9, 0.9])).first, "set yrange [0.81:0.99]")
        XCTAssertEqual(ChartSet.scheduleAxis(AxisRange(covering: [0.001, 0.01])), ["set autoscale y", "set ytics autofreq", "set format y '%.3g'"])
        XCTAssertEqual(AxisRange(low: 0, high: 0).padded(0.1), AxisRange(low: -1, high: 1))
        XCTAssertNil(AxisRange(covering: [.nan]))
    }

    func testTheSensitivityAxisAndCaptionSayWhatTheErrorBarsAre() throws {
        let (report, charts) = try charts(try ReportFixtures.wideStore(self), sweep: "wide")
        let chart = try XCTUnwrap(charts["sensitivity-optimizer.lr"])
        // One seed, and no other swept setting: each point is one run, and both say so.
        XCTAssertEqual(ChartSet.sensitivityPooling(report, key: "optimizer.lr"), "runs")
        XCTAssertTrue(lines(chart).contains("set ylabel 'best valid RMSE, mean ± std over runs'"), "\(lines(chart))")
        XCTAssertTrue(chart.caption.contains("Each point is the mean over runs, its error bar one standard deviation over runs."), chart.caption)
        XCTAssertFalse(chart.caption.contains("seeds") || chart.caption.contains("other settings"), chart.caption)
        XCTAssertTrue(chart.caption.hasPrefix("Best valid RMSE against optimizer.lr, one line per model kind."), chart.caption)
    }

    /// A sampled range gives each run its own value: one point per run, and a y range that
    /// diverged runs (the fixture's rmse 3.9 ... 8.9) do not stretch.
    func testASampledRangeIsDrawnAsOnePointPerRun() throws {
        let (report, charts) = try charts(try ReportFixtures.wideStore(self, sampled: true), sweep: "wide")
        XCTAssertTrue(ChartSet.isScattered(report, key: "optimizer.lr"))
        let chart = try XCTUnwrap(charts["sensitivity-optimizer.lr"])
        let plotted = lines(chart).filter { $0.contains("data index") }
        XCTAssertEqual(plotted.filter { $0.contains("with points pointtype 7") }.count, 2, "\(plotted)")
        XCTAssertFalse(plotted.contains { $0.contains("yerrorlines") })
        XCTAssertTrue(chart.caption.contains("one point per run"), chart.caption)
        let range = try XCTUnwrap(lines(chart).first { $0.hasPrefix("set yrange") })
        XCTAssertTrue(range.hasPrefix("set yrange [0.89"), range)
        let scores = report.runs.compactMap(\.score)
        let top = try XCTUnwrap(ChartSet.scatterRange(scores)).upperBound
        XCTAssertLessThan(top, 1.5, "the diverged runs stay off the axis")
        XCTAssertGreaterThan(top, scores.sorted()[scores.count / 2], "the better half of the runs is on it")
        // A grid's values repeat over seeds or kinds: still one line with error bars.
        let grid = try ReportData(store: try ReportFixtures.wideStore(self), selection: RunSelection(sweep: "wide"))
        XCTAssertFalse(ChartSet.isScattered(grid, key: "optimizer.lr"))
    }

    func testTheSensitivityPoolingNamesWhatVaries() throws {
        let (store, _) = try ReportFixtures.store(self)
        let report = try ReportData(store: store, selection: RunSelection(sweep: "fixture-sweep"))
        XCTAssertEqual(ChartSet.sensitivityPooling(report, key: "model.embedding_dim"), "seeds", "seeds 1-3, nothing else swept")
        let wide = try ReportData(store: try ReportFixtures.wideStore(self), selection: RunSelection(sweep: "wide"))
        XCTAssertEqual(ChartSet.sensitivityPooling(wide, key: "model.embedding_dim"), "other settings", "lr varies, one seed")
    }
}
