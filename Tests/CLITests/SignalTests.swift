import CFTestSupport
import CFCore
import CFStore
import Foundation
import XCTest

/// SIGINT, SIGTERM and SIGHUP: the runs in flight end `interrupted` and the process exits
/// 128 + the signal's number; a run trained to its end stays `completed`.
final class SignalTests: XCTestCase {
    /// Each signal, sent by the process to itself after the first epoch is printed.
    func testEachSignalInterruptsTheRunWithItsExitCode() throws {
        for (name, code) in [("SIGINT", Int32(130)), ("SIGTERM", 143), ("SIGHUP", 129)] {
            let folder = try TemporaryFolder.make(for: self)
            let file = try TemporaryFolder.write(KillHarness.singleRun, named: "x.yaml", in: folder)
            let path = folder.appendingPathComponent("runs.sqlite").path
            let ended = try KillHarness.run(["run", file, "--store", path], environment: [FaultPoint.variable: "after-epoch-printed:1:\(name)"])
            XCTAssertNil(ended.signal, name)
            XCTAssertEqual(ended.status, code, "\(name)\n\(ended.stderr)")
            XCTAssertTrue(ended.stderr.contains("\(name): stopping at the next epoch boundary"), ended.stderr)
            let store = try RunStore(path: path, readOnly: true)
            let run = try store.run(id: 1)
            XCTAssertEqual(run.status, .interrupted, name)
            XCTAssertEqual(run.error, "interrupted by \(name)")
            XCTAssertEqual(try store.epochs(runId: 1).count, 1, name)
            let again = try KillHarness.run(["run", file, "--store", path])
            XCTAssertEqual(again.status, 0, again.stderr)
            XCTAssertEqual(try store.runs().map(\.status), [.interrupted, .completed], name)
        }
    }

    /// SIGHUP in a sweep on two threads: every run in flight is interrupted, none left running.
    func testSIGHUPInASweepInterruptsTheRunsInFlight() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let path = folder.appendingPathComponent("runs.sqlite").path
        let arguments = ["run", file, "--store", path, "--jobs", "2", "--set", "training.epochs=4"]
        let ended = try KillHarness.run(arguments, environment: [FaultPoint.variable: "after-epoch-printed:3:SIGHUP"])
        XCTAssertEqual(ended.status, 129, ended.stderr)
        let runs = try RunStore(path: path, readOnly: true).runs()
        XCTAssertFalse(runs.contains { $0.status.isActive }, "\(runs.map(\.status))")
        XCTAssertTrue(runs.contains { $0.status == .interrupted && $0.error == "interrupted by SIGHUP" }, "\(runs.map(\.status))")
        XCTAssertEqual(try KillHarness.run(arguments).status, 0)
        try KillHarness.checkOneCompletedAttemptPerTrial(store: path, trials: 6, case: .init(fault: "SIGHUP", sweep: true, json: false))
    }

    /// A signal after the last epoch (while its line is printed, or in the final
    /// evaluation) leaves the fully trained run `completed`, and the exit code 0.
    func testASignalAfterTheLastEpochLeavesTheRunCompleted() throws {
        for fault in ["during-final-evaluation:1:SIGINT", "after-epoch-printed:3:SIGINT", "during-final-evaluation:1:SIGTERM"] {
            let folder = try TemporaryFolder.make(for: self)
            let file = try TemporaryFolder.write(KillHarness.singleRun, named: "x.yaml", in: folder)
            let path = folder.appendingPathComponent("runs.sqlite").path
            let ended = try KillHarness.run(["run", file, "--store", path, "--format", "json"], environment: [FaultPoint.variable: fault])
            XCTAssertEqual(ended.status, 0, "\(fault)\n\(ended.stderr)")
            let store = try RunStore(path: path, readOnly: true)
            let run = try store.run(id: 1)
            XCTAssertEqual(run.status, .completed, fault)
            XCTAssertNil(run.error, fault)
            XCTAssertNotNil(run.testMetrics, "\(fault): the final evaluation ran")
            XCTAssertEqual(try store.epochs(runId: 1).count, 3, fault)
            let summary = try JSONValue.parse(String(try XCTUnwrap(ended.stdout.split(separator: "\n").last)))
            XCTAssertEqual(summary["status"], .string("completed"), fault)
        }
    }

    /// SIGTERM from outside, in the middle of an epoch.
    func testSIGTERMFromOutsideExits143() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.slowRun, named: "slow.yaml", in: folder)
        let path = folder.appendingPathComponent("runs.sqlite").path
        let process = try CLIRunner.start(["run", file, "--store", path])
        try CLIRunner.waitUntil { try StoredMetrics.recordedEpochs(store: path) >= 1 }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 143)
        let run = try RunStore(path: path, readOnly: true).run(id: 1)
        XCTAssertEqual(run.status, .interrupted)
        XCTAssertEqual(run.error, "interrupted by SIGTERM")
    }

    /// A second Ctrl-C stops at once and still leaves a consistent store.
    func testASecondCtrlCStopsAtOnceAndLeavesTheStoreConsistent() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.slowRun, named: "slow.yaml", in: folder)
        let path = folder.appendingPathComponent("runs.sqlite").path
        let process = try CLIRunner.start(["run", file, "--store", path])
        try CLIRunner.waitUntil { try StoredMetrics.recordedEpochs(store: path) >= 1 }
        kill(process.processIdentifier, SIGINT)
        Thread.sleep(forTimeInterval: 0.05)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertEqual(try KillHarness.integrity(of: path), "ok")
        let store = try RunStore(path: path, readOnly: true)
        let run = try store.run(id: 1)
        XCTAssertEqual(run.status, .interrupted)
        XCTAssertNotNil(run.endedAt)
        XCTAssertEqual(try store.epochs(runId: 1).map(\.epoch), Array(1...(try store.epochs(runId: 1).count)))
    }
}
