import CFTestSupport
import CFExperiment
import CFStore
import Foundation
import GRDB
import XCTest

/// Store errors sorted into what the user can act on, and trials that stop on them.
final class StoreWriteFailureTests: XCTestCase {
    func testClassifiesSQLiteResultCodesAndStoreErrors() {
        let cases: [(any Error, StoreWriteFailure.Kind)] = [
            (DatabaseError(resultCode: .SQLITE_FULL), .diskFull),
            (DatabaseError(resultCode: .SQLITE_READONLY), .readOnly),
            (DatabaseError(resultCode: .SQLITE_CORRUPT), .damaged),
            (DatabaseError(resultCode: .SQLITE_IOERR_WRITE), .ioError),
            (DatabaseError(resultCode: .SQLITE_CONSTRAINT), .other),
            (StoreError.unknownRun(id: 4), .runDeleted),
            (StoreError.notADatabase(path: "x"), .damaged),
            (StoreError.cannotOpen(path: "x", reason: "database or disk is full"), .diskFull),
            (StoreError.notWritable(path: "x", reason: "attempt to write a readonly database"), .readOnly),
            (StoreError.notWritable(path: "x", reason: "disk I/O error"), .ioError),
            (StoreError.cannotOpen(path: "x", reason: "database disk image is malformed"), .damaged),
            (POSIXError(.ENOSPC), .diskFull),
        ]
        for (error, kind) in cases {
            XCTAssertEqual(StoreWriteFailure.classify(error), kind, "\(error)")
        }
        XCTAssertTrue(StoreWriteFailure.Kind.diskFull.isStoreWide)
        XCTAssertFalse(StoreWriteFailure.Kind.reclaimed.isStoreWide)
        let full = StoreWriteFailure(StoreError.cannotOpen(path: "r.sqlite", reason: "database or disk is full"), runId: 3, path: "r.sqlite")
        XCTAssertEqual(full.line, "run 3: disk full: r.sqlite cannot grow (database or disk is full); free some space or pass another --store")
        let readOnly = StoreWriteFailure(DatabaseError(resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database"), runId: nil, path: "r.sqlite")
        XCTAssertEqual(readOnly.line, "the store: read-only: r.sqlite cannot be written (attempt to write a readonly database); check its permissions or pass another --store")
    }

    func testADeletedRunStopsItsTrialAndWritesNothingMore() throws {
        let folder = try TemporaryFolder.make(for: self)
        let store = try RunStore(path: folder.appendingPathComponent("runs.sqlite").path)
        let experiment = try PreparedExperiment.prepare(try Experiments.file(Experiments.yaml(epochs: 4)))
        let trial = TrialRun(experiment: experiment, writer: StoreWriter(store: store))
        var seen: [Int] = []
        let outcome = trial.execute(onStart: { _ in }, onEpoch: { report in
            seen.append(report.epoch)
            if report.epoch == 1 { _ = try? store.deleteRuns(ids: [1]) }
        })
        guard case let .storeFailed(runId, failure) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(runId, 1)
        XCTAssertEqual(failure.kind, .runDeleted)
        XCTAssertEqual(seen, [1], "epoch 2 was not committed, so it is not reported")
        XCTAssertTrue(try store.runs().isEmpty)
        XCTAssertTrue(try store.epochs(runId: 1).isEmpty)
    }

    func testAReclaimedRunStopsItsTrialAndKeepsTheReclaimersRecord() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = folder.appendingPathComponent("runs.sqlite").path
        let store = try RunStore(path: path)
        let other = try RunStore(path: path)
        let experiment = try PreparedExperiment.prepare(try Experiments.file(Experiments.yaml(epochs: 4)))
        let trial = TrialRun(experiment: experiment, writer: StoreWriter(store: store))
        let outcome = trial.execute(onStart: { _ in }, onEpoch: { report in
            guard report.epoch == 1 else { return }
            // Another process takes the trial for abandoned.
            _ = try? other.claimTrial(sweep: experiment.config.name, trialKey: experiment.trialKey,
                                      newRun: experiment.newRun(), policy: ClaimPolicy(staleAfter: -10))
        })
        guard case let .storeFailed(runId, failure) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(runId, 1)
        XCTAssertEqual(failure.kind, .reclaimed)
        XCTAssertTrue(failure.line.contains("the trial is now run 2"), failure.line)
        let first = try store.run(id: 1)
        XCTAssertEqual(first.status, .interrupted, "the reclaimer's mark stays")
        XCTAssertEqual(first.error, "heartbeat stale; reclaimed")
        XCTAssertEqual(try store.epochs(runId: 1).count, 1)
        XCTAssertEqual(try store.run(id: 2).status, .running)
    }
}
