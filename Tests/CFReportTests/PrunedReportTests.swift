@testable import CFReport
import CFStore
import CFTestSupport
import CFText
import Foundation
import XCTest

/// Pruned runs in `cflab compare` and `cflab report`: shown, marked, never best, grey.
final class PrunedReportTests: XCTestCase {
    /// Sweep `p`: two completed configurations (0.92, 0.91) and two pruned after one epoch,
    /// one of them with a lower valid RMSE (0.85) than any completed run.
    private func store() throws -> RunStore {
        let (store, _) = try TemporaryStore.make(for: self)
        try store.saveDataMetadata(ReportFixtures.metadata(title: "Plain title"))
        try store.registerSweep(name: "p", sweptKeys: ["model.kind", "optimizer.lr"], spec: .object([("method", .string("grid"))]))
        for (lr, rmse, pruned) in [(0.001, 0.92, false), (0.002, 0.91, false), (0.003, 0.85, true), (0.004, 0.99, true)] {
            let result = try store.claimTrial(sweep: "p", trialKey: "k-\(lr)", newRun: ReportFixtures.newRun(kind: "dot_bias", seed: 1, lr: lr))
            guard case let .claimed(runId) = result else { return store }
            if pruned {
                try store.appendEpoch(runId: runId, epoch: 1, metrics: ["valid_rmse": rmse, "train_rmse": rmse, "valid_mae": rmse * 0.75])
                try store.finishRun(runId: runId, outcome: RunOutcome(
                    status: .pruned, error: "pruned at epoch 1", bestEpoch: 1,
                    bestMetrics: ["valid_rmse": rmse, "valid_mae": rmse * 0.75], finalMetrics: ["valid_rmse": rmse]))
            } else {
                try ReportFixtures.record(store, runId: runId, rmse: rmse, seed: 1)
            }
        }
        return store
    }

    func testCompareMarksPrunedRowsAndRanksThemAfterTheOthers() throws {
        let store = try store()
        let table = try ComparisonRequest(selection: RunSelection(sweep: "p")).table(in: store)
        let text = TableRenderer(format: .aligned).render(table)
        XCTAssertTrue(text.hasPrefix("sweep p: 2 completed runs and 2 pruned, metrics at the best epoch"), text)
        let notes = table.rows.map { $0.last.map { $0.text(style: nil) } ?? "" }
        XCTAssertEqual(notes, ["best", "", "pruned at epoch 1", "pruned at epoch 1"], text)
        XCTAssertEqual(table.bestRow, 0)
        XCTAssertTrue(table.remarks.contains { $0.contains("0.9100") }, "\(table.remarks)")
        let perRun = try ComparisonRequest(selection: RunSelection(sweep: "p"), groupBy: []).table(in: store)
        XCTAssertEqual(perRun.rows.map { $0.last.map { $0.text(style: nil) } ?? "" }, ["best", "", "pruned at epoch 1", "pruned at epoch 1"])
    }

    func testTheOverlayDrawsPrunedConfigurationsGrey() throws {
        let report = try ReportData(store: try store(), selection: RunSelection(sweep: "p"))
        let chart = try XCTUnwrap(ChartSet.overlay(report, colorKey: nil, palette: ChartPalette(runs: report.runs, keys: [])))
        let lines = chart.script.split(separator: "\n").map(String.init).prefix { $0 != "reset" }
        XCTAssertEqual(lines.filter { $0.contains("title columnheader(2)") }.count, 2, "only the completed ones in colour")
        XCTAssertEqual(lines.filter { $0.contains("'2 other configurations (2 pruned)'") }.count, 1, "\(lines)")
        XCTAssertTrue(chart.caption.contains("the 2 that the sweep pruned among them"), chart.caption)
    }

    /// A pruned run's best comes from fewer epochs: the sensitivity means leave it out, and
    /// it is a grey point beside the lines.
    func testSensitivityLeavesPrunedRunsOutOfTheMeansAndDrawsThemGrey() throws {
        let report = try ReportData(store: try store(), selection: RunSelection(sweep: "p"))
        let charts = ChartSet.sensitivity(report, palette: ChartPalette(runs: report.runs, keys: []))
        let chart = try XCTUnwrap(charts.first { $0.name == "sensitivity-optimizer.lr" }, "\(charts.map(\.name))")
        let blocks = chart.data.components(separatedBy: "\n\n\n")
        XCTAssertEqual(blocks.count, 2, chart.data)
        let means = blocks[0].split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(means.map { $0[0] }, ["0.001", "0.002"], "only the completed runs in the means: \(chart.data)")
        XCTAssertEqual(means.map { $0[1] }, ["0.92", "0.91"])
        let prunedRows = blocks[1].split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(prunedRows, ["0.003 0.85", "0.004 0.99"], chart.data)
        XCTAssertTrue(chart.script.contains("with points pointtype 6 pointsize 1 linecolor rgb '\(ChartPalette.muted)' title 'pruned (best before its rung)'"),
                      chart.script)
        XCTAssertTrue(chart.caption.contains("The 2 pruned runs are grey circles"), chart.caption)
    }
}
