import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// What `cflab` prints from the store reaches the terminal as plain text, and every field
/// name a user types is checked against what the selected runs have.
final class TerminalOutputTests: XCTestCase {
    /// A window title, a screen clear and a forged line, as an older store could hold them.
    static let hostile = "x\u{1B}]0;owned\u{07}\u{1B}[2J\nforged line\u{9B}31m"

    func testStoredNamesSweepsAndTagsPrintWithoutControlCharacters() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = folder.appendingPathComponent("runs.sqlite").path
        let store = try RunStore(path: path)
        var run = SampleRuns.newRun(tags: [Self.hostile])
        run.name = Self.hostile
        let runId = try store.startRun(run, sweep: Self.hostile)
        try store.appendEpoch(runId: runId, epoch: 1, metrics: ["train_loss": 1, "valid_rmse": 1])
        try store.finishRun(runId: runId, outcome: SampleRuns.completed(validRMSE: 1))
        for arguments in [["runs"], ["runs", "--format", "markdown"], ["runs", "--format", "json"], ["show", "\(runId)"],
                          ["runs", "delete", "\(runId)", "--dry-run"], ["compare", "\(runId)"]] {
            let output = try CLIRunner.run(arguments + ["--store", path])
            XCTAssertEqual(output.status, 0, "\(arguments): \(output.stderr)")
            let printed = output.stdout + output.stderr
            if arguments[0] != "compare" { XCTAssertTrue(printed.contains("owned"), "\(arguments) prints the name: \(printed)") }
            XCTAssertFalse(printed.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" },
                           "\(arguments) printed a control character: \(printed.debugDescription)")
            XCTAssertFalse(printed.split(separator: "\n").contains { $0.hasPrefix("forged line") }, "\(arguments) forged a line")
        }
    }

    func testATagMustBePrintableAndNotEmpty() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = folder.appendingPathComponent("runs.sqlite").path
        let runId = try RunStore(path: path).startRun(SampleRuns.newRun())
        for (tag, fragment) in [("a\u{1B}]0;x\u{07}", "the tag must be printable text; found U+001B (a control character) at character 2"),
                                ("", "a tag must not be empty"),
                                (String(repeating: "t", count: 201), "a tag must be at most 200 characters, got 201")] {
            let output = try CLIRunner.run(["runs", "tag", "\(runId)", tag, "--store", path])
            XCTAssertEqual(output.status, 1, output.stdout)
            XCTAssertEqual(output.stderr, "error: \(fragment)\n")
        }
        XCTAssertEqual(try RunStore(path: path, readOnly: true).run(id: runId).tags, ["fixture"])
    }

    func testUnknownGroupingColouringAndEpochsAreErrorsWithAHint() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)
        let before = try KillHarness.hash(store)
        let cases: [([String], String)] = [
            (["compare", "--sweep", "tiny-sweep", "--group-by", "model.dropuot"],
             "error: --group-by model.dropuot: no selected run has this config key (did you mean 'model.dropout'?)"),
            (["compare", "--sweep", "tiny-sweep", "--group-by", "model.kind,zzz"],
             "error: --group-by zzz: no selected run has this config key; allowed: "),
            (["compare", "--sweep", "tiny-sweep", "--metrics", "valid_rmse,fnial.valid_rmse"],
             "error: --metrics fnial.valid_rmse: this comparison has no such metric column (did you mean 'final.valid_rmse'?)"),
            (["compare", "--sweep", "tiny-sweep", "--at", "99"],
             "error: --at 99: no selected run reached epoch 99 (the longest ran 2); use --at last or a smaller epoch"),
            (["report", "--sweep", "tiny-sweep", "--color-by", "model.knid", "--out", folder.appendingPathComponent("plots").path],
             "error: --color-by model.knid: no selected run has this config key (did you mean 'model.kind'?)"),
        ]
        for (arguments, message) in cases {
            let output = try CLIRunner.run(arguments + ["--store", store])
            XCTAssertEqual(output.status, 1, "\(arguments): \(output.stdout)")
            XCTAssertTrue(output.stderr.hasPrefix(message), "\(arguments): \(output.stderr)")
            XCTAssertEqual(output.stderr.split(separator: "\n").count, 1, output.stderr)
            XCTAssertEqual(output.stdout, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("plots").path), "no report was written")
        XCTAssertEqual(try KillHarness.hash(store), before)
        let known = try CLIRunner.run(["compare", "--sweep", "tiny-sweep", "--group-by", "model.kind", "--at", "2", "--store", store])
        XCTAssertEqual(known.status, 0, known.stderr)
        let chosen = try CLIRunner.run(["compare", "--sweep", "tiny-sweep", "--metrics", "final.valid_rmse,valid_rmse", "--format", "json", "--store", store])
        XCTAssertEqual(chosen.status, 0, chosen.stderr)
        let columns = try JSONValue.parse(chosen.stdout)["columns"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertEqual(columns.filter { $0.contains("RMSE") }.count, 2, "\(columns)")
        XCTAssertEqual(columns.first { $0.contains("RMSE") }, "final valid RMSE", "in the order given: \(columns)")
    }

    func testARunSaysWhatTheDataLoaderNoted() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let output = try CLIRunner.run(["run", file, "--no-store"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let notes = output.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") }
        XCTAssertEqual(notes, ["note: synthetic: rating scale: none stated (data.rating_range), so the observed range 0.5-5 is taken"],
                       "once per dataset, not per trial: \(output.stderr)")
    }
}
