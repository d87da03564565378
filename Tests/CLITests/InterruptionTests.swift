import CFStore
import Foundation
import XCTest

/// Runs killed with SIGKILL, or stopped with Ctrl-C, as later `cflab run`s see them.
final class InterruptionTests: XCTestCase {
    func testKilledRunBecomesInterruptedAndIsRedoneExactlyOnce() throws {
        let folder = try CLIRunner.temporaryDirectory(self)
        let path = try StoreFixtures.write(StoreFixtures.slowRun, named: "slow.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let process = try StoreFixtures.start(["run", path, "--store", storePath])
        try StoreFixtures.waitUntil { try StoreFixtures.recordedEpochs(store: storePath) >= 1 }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let store = try RunStore(path: storePath, readOnly: true)
        XCTAssertEqual(try store.run(id: 1).status, .running, "a SIGKILLed run cannot mark itself")

        // While its heartbeat is fresh, another process leaves it alone, but does not call
        // the trial done: its owner no longer runs.
        let busy = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(busy.status, 1, busy.stderr)
        XCTAssertTrue(busy.stderr.contains("is claimed by \(process.processIdentifier)@"), busy.stderr)
        XCTAssertTrue(busy.stderr.contains("which no longer runs"), busy.stderr)

        Thread.sleep(forTimeInterval: 1.2)
        let redo = try CLIRunner.run(["run", path, "--store", storePath, "--stale-after", "1"])
        XCTAssertEqual(redo.status, 0, redo.stderr)
        XCTAssertEqual(try store.run(id: 1).status, .interrupted)
        XCTAssertEqual(try store.run(id: 1).error, "heartbeat stale; reclaimed")
        let again = try CLIRunner.run(["run", path, "--store", storePath, "--stale-after", "1"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.status), [.interrupted, .completed])
        XCTAssertEqual(runs.map(\.attempt), [1, 2])
    }

    func testCtrlCMarksTheRunInterruptedAndExits130() throws {
        let folder = try CLIRunner.temporaryDirectory(self)
        let path = try StoreFixtures.write(StoreFixtures.slowRun, named: "slow.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let process = try StoreFixtures.start(["run", path, "--store", storePath])
        try StoreFixtures.waitUntil { try StoreFixtures.recordedEpochs(store: storePath) >= 1 }
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
