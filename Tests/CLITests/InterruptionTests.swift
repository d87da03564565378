import CFStore
import CFTestSupport
import Foundation
import XCTest

/// Runs killed with SIGKILL, or stopped with Ctrl-C, as later `cflab run`s see them.
final class InterruptionTests: XCTestCase {
    func testKilledRunBecomesInterruptedAndIsRedoneExactlyOnce() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.slowRun, named: "slow.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let process = try CLIRunner.start(["run", path, "--store", storePath])
        try CLIRunner.waitUntil { try StoredMetrics.recordedEpochs(store: storePath) >= 1 }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let store = try RunStore(path: storePath, readOnly: true)
        let killed = try store.run(id: 1)
        XCTAssertEqual(killed.status, .running, "a SIGKILLed run cannot mark itself")

        // Its owner lock died with it: the next process on this host reclaims the run at
        // once, though its heartbeat is still fresh (a live owner's run stays busy).
        let redo = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(redo.status, 0, redo.stderr)
        XCTAssertEqual(try store.run(id: 1).status, .interrupted)
        XCTAssertEqual(try store.run(id: 1).error, "owner process \(process.processIdentifier) on \(killed.host ?? "") is gone")
        let again = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(again.status, 0, again.stderr)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.status), [.interrupted, .completed])
        XCTAssertEqual(runs.map(\.attempt), [1, 2])
    }

    func testCtrlCMarksTheRunInterruptedAndExits130() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.slowRun, named: "slow.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let process = try CLIRunner.start(["run", path, "--store", storePath])
        try CLIRunner.waitUntil { try StoredMetrics.recordedEpochs(store: storePath) >= 1 }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let store = try RunStore(path: storePath, readOnly: true)
        let run = try store.run(id: 1)
        XCTAssertEqual(run.status, .interrupted)
        XCTAssertEqual(run.error, "interrupted by SIGINT")
        XCTAssertLessThan(try store.epochs(runId: 1).count, 4)
        XCTAssertNotNil(run.endedAt)
    }
}
