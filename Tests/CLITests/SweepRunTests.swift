import CFCore
import CFExperiment
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// `cflab run` with the run store: recording, skipping, parallel jobs and processes.
final class SweepRunTests: XCTestCase {
    func testSingleRunIsRecordedWithProvenanceAndASecondRunTrainsNothing() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(RunCommandTests.tinyExperiment, named: "tiny.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let first = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("recorded as run 1 in \(storePath)"), first.stdout)
        let store = try RunStore(path: storePath, readOnly: true)
        let run = try store.run(id: 1)
        XCTAssertEqual(run.status, .completed)
        XCTAssertEqual(run.sweep, "tiny")
        XCTAssertEqual(try store.epochs(runId: 1).count, 3)
        XCTAssertNotNil(run.testMetrics?["rmse"])
        XCTAssertEqual(run.build["cflab_version"]?.stringValue, CFLabVersion.string)
        XCTAssertEqual(run.semantics, RunSemantics.current.version)
        XCTAssertEqual(run.streamSeeds["scheme"]?.stringValue, "per-tensor")
        XCTAssertEqual(run.streamSeeds["run"]?.stringValue, String(run.seed), "from semantics 2 on, the base seed is the seed")
        XCTAssertFalse(run.cpuModel.isEmpty)
        XCTAssertEqual(run.streamSeeds["split"]?.stringValue, "5")
        XCTAssertFalse(try store.parameters(runId: 1, which: .best).isEmpty)
        XCTAssertNotNil(try store.dataMetadata(splitFingerprint: run.splitFingerprint))

        let second = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.stdout, "")
        XCTAssertTrue(second.stderr.contains("already trained as run 1"), second.stderr)
        XCTAssertEqual(try store.runs().count, 1)
    }

    func testSecondRunOfASweepTrainsNothingAndRerunAddsAttempts() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let first = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("[1/6] "), first.stdout)
        XCTAssertTrue(first.stdout.contains("tiny-sweep: 6 trials: 6 trained"), first.stdout)
        let second = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.stdout, "tiny-sweep: 6 trials: 0 trained, 6 already done\n")
        let store = try RunStore(path: storePath, readOnly: true)
        XCTAssertEqual(try store.runs().count, 6)
        let rerun = try CLIRunner.run(["run", path, "--store", storePath, "--rerun"])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(try store.runs().count, 12)
        XCTAssertEqual(try store.runs(matching: RunQuery(currentOnly: true)).map(\.attempt), Array(repeating: 2, count: 6))
    }

    func testOneAndTwoJobsStoreIdenticalMetrics() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let one = folder.appendingPathComponent("one.sqlite").path
        let two = folder.appendingPathComponent("two.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", path, "--store", one, "--jobs", "1"]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["run", path, "--store", two, "--jobs", "2"]).status, 0)
        let first = try StoredMetrics.byTrial(store: one)
        XCTAssertEqual(first.count, 6)
        XCTAssertEqual(first, try StoredMetrics.byTrial(store: two))
    }

    func testTwoProcessesOnOneSweepLoseNothingAndDuplicateNothing() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let processes = try (0..<2).map { _ in try CLIRunner.start(["run", path, "--store", storePath]) }
        for process in processes { process.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), [0, 0])
        let store = try RunStore(path: storePath, readOnly: true)
        let runs = try store.runs()
        XCTAssertEqual(runs.count, 6, "every trial trained exactly once")
        XCTAssertEqual(Set(runs.compactMap(\.trialKey)).count, 6)
        XCTAssertTrue(runs.allSatisfy { $0.status == .completed && $0.attempt == 1 })
        for run in runs { XCTAssertEqual(try store.epochs(runId: run.id).count, 2) }
    }

    func testAboveMaxTrialsRunRefusesWithoutYes() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.tinySweep + "\n  max_trials: 4\n", named: "sweep.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let refused = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("6 trials, more than its max_trials (4)"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: storePath))
        XCTAssertEqual(try CLIRunner.run(["run", path, "--store", storePath, "--yes"]).status, 0)
    }
}

/// On a terminal a sweep shows n/N, the running trials with their epoch and an ETA; piped,
/// it prints plain lines only.
final class SweepStatusTests: XCTestCase {
    /// What `cflab ARGUMENTS` prints on a pseudo-terminal, which must exit 0.
    func onTerminal(_ arguments: String) throws -> String {
        let (status, text) = try CLIRunner.runOnTerminal(arguments)
        XCTAssertEqual(status, 0, text)
        return text
    }

    func testATerminalGetsAStatusLineAndAPipePlainLines() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let text = try onTerminal("run '\(file)' --no-store --jobs 2")
        XCTAssertTrue(text.contains("[0/6] running: model.kind=dot model.dropout=0.0 seed=1 epoch 0/2"), text)
        XCTAssertTrue(text.contains(" | ETA "), "an ETA once a trial is done: \(text)")
        XCTAssertTrue(text.contains("[6/6] "), text)
        XCTAssertTrue(text.contains("seed=1 ranking on valid 0%"), "a trial's final evaluation shows in its place: \(text)")

        let piped = try CLIRunner.run(["run", file, "--no-store", "--jobs", "2"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stdout.contains("running:"), piped.stdout)
        XCTAssertFalse(piped.stdout.unicodeScalars.contains("\u{1B}"), "no escape codes when piped")
    }

    /// A single run shows its data loading, split and final evaluation on the status line,
    /// and each goes before the next line is printed.
    func testASingleRunShowsEachLongStepOnATerminalOnly() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(RunCommandTests.tinyExperiment, named: "tiny.yaml", in: folder)
        let text = try onTerminal("run '\(file)' --no-store")
        for step in ["\r\u{1B}[2Kdrawing synthetic pairs", "\r\u{1B}[2Ksplitting 3000 ratings…", "\r\u{1B}[2Kranking on valid   0% [", "of 120 users"] {
            XCTAssertTrue(text.contains(step), "\(step.debugDescription) in \(text.debugDescription)")
        }
        XCTAssertTrue(text.contains("\r\u{1B}[2Kcompleted: best epoch"), "the status line is cleared before the next line")
        let piped = try CLIRunner.run(["run", file, "--no-store"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stdout.contains("ranking on valid"), piped.stdout)
        XCTAssertFalse((piped.stdout + piped.stderr).unicodeScalars.contains("\u{1B}"), "no escape codes when piped")
    }
}
