import CFCore
import CFReport
import CFStore
import CFTestSupport
import CFText
import XCTest

final class CompareTests: XCTestCase {
    private func table(_ request: ComparisonRequest, _ test: XCTestCase) throws -> Table {
        let (store, _) = try ReportFixtures.store(test)
        return try request.table(in: store)
    }

    func testGroupedTableInEveryFormatMatchesFixtures() throws {
        let table = try table(ComparisonRequest(selection: RunSelection(sweep: "fixture-sweep")), self)
        for format in TableFormat.allCases {
            try ReportFixtures.expected.assertMatches(TableRenderer(format: format).render(table) + "\n", "compare-grouped.\(format.rawValue)")
        }
    }

    func testPerRunTableShowsOnlyDifferingParametersAndBaselines() throws {
        let table = try table(ComparisonRequest(selection: RunSelection(sweep: "fixture-sweep"), groupBy: []), self)
        try ReportFixtures.expected.assertMatches(TableRenderer(format: .aligned).render(table) + "\n", "compare-runs.table")
        XCTAssertEqual(table.columns.prefix(3).map(\.title), ["run", "model.kind", "seed"])
        XCTAssertEqual(table.bestRow, 0)
    }

    func testGroupedNumbersAndPairedTestMatchHandValues() throws {
        let table = try table(ComparisonRequest(selection: RunSelection(sweep: "fixture-sweep")), self)
        // dot_bias: mean of 0.91, 0.93, 0.92 = 0.92, sample std 0.01; dot: 0.95 ± 0.01.
        guard case let .summary(mean, deviation) = table.rows[0][2] else { return XCTFail("\(table.rows[0])") }
        XCTAssertEqual(mean ?? 0, 0.92, accuracy: 1e-12)
        XCTAssertEqual(deviation ?? 0, 0.01, accuracy: 1e-12)
        // scipy.stats.ttest_rel: t = −5.196, p = 0.0351; 95% CI [−0.0548, −0.0052].
        XCTAssertTrue(table.remarks[1].contains("95% CI [-0.0548, -0.0052], paired t(2) = -5.20, p = 0.0351"), table.remarks[1])
        XCTAssertEqual(table.remarks[2], "The interval excludes 0: the best is better beyond seed noise.")
    }

    func testFewerThanThreeSharedSeedsIsTooFewToTell() throws {
        let request = ComparisonRequest(selection: RunSelection(sweep: "fixture-sweep", filter: "seed <= 2"))
        let table = try table(request, self)
        XCTAssertEqual(table.remarks[1], "Against the runner-up (model.kind=dot): too few seeds to tell (2 shared; a paired test needs 3).")
    }

    func testAtLastAndAtEpochReadThoseEpochs() throws {
        let (store, _) = try ReportFixtures.store(self)
        let last = try ComparisonRequest(selection: RunSelection(runIds: [1]), at: .last, groupBy: []).table(in: store)
        XCTAssertEqual(last.columns[1].title, "last valid RMSE")
        XCTAssertEqual(last.rows[0][1], .number(0.95))
        XCTAssertEqual(last.rows[0][2], .integer(3))
        let first = try ComparisonRequest(selection: RunSelection(runIds: [1]), at: .epoch(1), groupBy: []).table(in: store)
        XCTAssertEqual(first.columns[1].title, "valid RMSE @1")
        XCTAssertEqual(first.rows[0][1], .number(0.98))
        XCTAssertThrowsError(try EpochChoice(parsing: "0"))
        XCTAssertEqual(try EpochChoice(parsing: "7"), .epoch(7))
    }

    func testEmptySelectionSaysWhatToDo() throws {
        let (store, _) = try ReportFixtures.store(self)
        XCTAssertThrowsError(try ComparisonRequest(selection: RunSelection(sweep: "nope")).table(in: store)) { error in
            XCTAssertEqual("\(error)", "no runs match sweep nope; list runs with `cflab runs` and check the selection")
        }
    }

    func testCSVAndLaTeXEscapeHostileParameterValues() {
        let table = Table(
            title: ReportFixtures.hostileTitle, columns: [TableColumn("name", alignment: .left)],
            rows: [[.text(ReportFixtures.hostileTitle)]])
        let csv = TableRenderer(format: .csv).render(table)
        XCTAssertEqual(csv, "name\n\"Evil \"\"$(rm -rf ~)\"\" `ls`; system(\"\"x\"\") @x #y, é 'q' \\ ,\"")
        let latex = TableRenderer(format: .latex).render(table)
        XCTAssertTrue(latex.contains("Evil \"\\$(rm -rf \\textasciitilde{})\" `ls`; system(\"x\") @x \\#y, é 'q' \\textbackslash{} ,"), latex)
    }
}

/// The final figure: chosen on validation, its test metric reported apart.
final class FinalSelectionTests: XCTestCase {
    func testTheSelectedConfigurationsTestRMSEIsReportedAndSaysHowItWasChosen() throws {
        let (store, _) = try ReportFixtures.store(self)
        let table = try ComparisonRequest(selection: RunSelection(sweep: "fixture-sweep")).table(in: store)
        // dot_bias wins on valid RMSE (0.92); its test RMSE is 0.94 ± 0.01 over 3 runs.
        XCTAssertTrue(table.remarks.contains(
            "Final: model.kind=dot_bias was selected on best valid RMSE alone; its test RMSE, reported and never used to choose, is 0.9400 ± 0.0100 over 3 runs."),
            "\(table.remarks)")
        XCTAssertEqual(table.facts["best"]?["chosen_by"]?.stringValue, "valid_rmse at best")
        XCTAssertEqual(table.facts["best"]?["test_rmse"]?["used_to_choose"], .bool(false))
        XCTAssertEqual(table.facts["best"]?["test_rmse"]?["mean"]?.doubleValue ?? 0, 0.94, accuracy: 1e-12)
    }
}

/// A sweep over model.kind shows the keys that were varied, not those that follow from the kind.
final class ImpliedKeyTests: XCTestCase {
    func testKeysThatFollowFromTheKindAreNotColumns() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        try store.saveDataMetadata(ReportFixtures.metadata(title: "Plain title"))
        try store.registerSweep(name: "kinds", sweptKeys: ["model.kind", "optimizer.lr"], spec: .object([("method", .string("grid"))]))
        var id: Int64 = 0
        for kind in ["dot_bias", "nn"] {
            for lr in [0.001, 0.01] {
                for seed in Int64(1)...2 {
                    var model: [(String, JSONValue)] = [("kind", .string(kind))]
                    // What the sweep keeps per kind: y_range for dot_bias only, layers for nn only.
                    model.append(kind == "nn" ? ("layers", .array([.int(100), .int(50)])) : ("y_range", .string("data")))
                    let config = JSONValue.object([
                        ("version", .int(1)), ("name", .string("kinds")), ("seed", .int(seed)),
                        ("data", .object([("source", .string("synthetic"))])), ("model", .object(model)),
                        ("optimizer", .object([("kind", .string("adam")), ("lr", .double(lr))])),
                    ])
                    let run = SampleRuns.newRun(config, seed: seed, tags: [], dataFingerprint: "data-fp", splitFingerprint: "split-fp")
                    guard case let .claimed(runId) = try store.claimTrial(sweep: "kinds", trialKey: "\(kind)-\(lr)-\(seed)", newRun: run) else {
                        return XCTFail("claim")
                    }
                    id += 1
                    try ReportFixtures.record(store, runId: runId, rmse: 0.9 + Double(id) / 100, seed: seed)
                }
            }
        }
        let table = try ComparisonRequest(selection: RunSelection(sweep: "kinds")).table(in: store)
        XCTAssertEqual(table.columns.prefix(3).map(\.title), ["model.kind", "optimizer.lr", "n"])
        XCTAssertEqual(table.rows.count, 4, "one row per (kind, lr): the same rows as grouping by every differing key")
        XCTAssertFalse(table.remarks.joined().contains("layers"), table.remarks.joined())
    }
}
