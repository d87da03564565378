import CFTestSupport
import CFStore
import Foundation
import GRDB
import XCTest

final class OwnerWriteTests: XCTestCase {
    /// Two writers on one file: `first` claims the trial, goes silent, and `second` reclaims it.
    private func reclaimed() throws -> (first: RunStore, second: RunStore, old: Int64, new: Int64, path: String) {
        let (first, path) = try TemporaryStore.make(for: self)
        let second = try RunStore(path: path)
        XCTAssertNotEqual(first.owner.token, second.owner.token)
        let old = try first.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try first.appendEpoch(runId: old, epoch: 1, metrics: ["valid_rmse": 1])
        try first.heartbeat(runIds: [old], at: Date().addingTimeInterval(-60))
        let claim = try second.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun(), policy: ClaimPolicy(staleAfter: 30))
        guard case let .claimed(new) = claim else {
            XCTFail("\(claim)")
            return (first, second, old, -1, path)
        }
        return (first, second, old, new, path)
    }

    private func assertReclaimed(_ expression: @autoclosure () throws -> Void, runId: Int64, status: RunStatus, by holder: String?,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertEqual(error as? StoreError, .runReclaimed(runId: runId, status: status, by: holder), file: file, line: line)
        }
    }

    func testEveryWriteOfAReclaimedRunIsRefusedAndWritesNothing() throws {
        let (first, second, old, new, _) = try reclaimed()
        let holder = second.owner.token
        assertReclaimed(try first.appendEpoch(runId: old, epoch: 2, metrics: ["valid_rmse": 0.5]), runId: old, status: .interrupted, by: holder)
        assertReclaimed(try first.saveParameters(runId: old, which: .best, tensors: [ParameterTensor(name: "w", shape: [1], values: [1])]),
                        runId: old, status: .interrupted, by: holder)
        assertReclaimed(try first.heartbeat(runIds: [old]), runId: old, status: .interrupted, by: holder)
        assertReclaimed(try first.finishRun(runId: old, outcome: SampleRuns.completed(validRMSE: 0.5)), runId: old, status: .interrupted, by: holder)
        let record = try first.run(id: old)
        XCTAssertEqual(record.status, .interrupted, "a reclaimed run is never marked completed")
        XCTAssertEqual(record.bestMetrics, [:])
        XCTAssertEqual(try first.epochs(runId: old).map(\.epoch), [1])
        XCTAssertEqual(try first.parameters(runId: old, which: .best), [])
        // Nor may the old writer touch the new attempt, which runs under another owner.
        assertReclaimed(try first.appendEpoch(runId: new, epoch: 1, metrics: [:]), runId: new, status: .running, by: holder)
        try second.appendEpoch(runId: new, epoch: 1, metrics: ["valid_rmse": 0.8])
        try second.finishRun(runId: new, outcome: SampleRuns.completed(validRMSE: 0.8))
        XCTAssertEqual(try second.run(id: new).status, .completed)
    }

    func testTheMessageTellsTheCallerToStop() throws {
        let (first, second, old, _, _) = try reclaimed()
        XCTAssertThrowsError(try first.appendEpoch(runId: old, epoch: 2, metrics: [:])) { error in
            XCTAssertEqual(
                "\(error)",
                "run \(old) is no longer this process's to write (it is interrupted; \(second.owner.token) holds it now); "
                    + "stop training it and write nothing more to it"
            )
        }
    }

    func testARunThatEndedTakesNoSecondFinish() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let runId = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.finishRun(runId: runId, outcome: SampleRuns.completed(validRMSE: 0.9))
        assertReclaimed(try store.finishRun(runId: runId, outcome: RunOutcome(status: .failed, error: "late")),
                        runId: runId, status: .completed, by: nil)
        assertReclaimed(try store.appendEpoch(runId: runId, epoch: 9, metrics: [:]), runId: runId, status: .completed, by: nil)
        XCTAssertEqual(try store.run(id: runId).status, .completed)
        XCTAssertThrowsError(try store.finishRun(runId: 99, outcome: RunOutcome(status: .failed))) { error in
            XCTAssertEqual(error as? StoreError, .unknownRun(id: 99))
        }
    }

    func testHeartbeatRefreshesTheRunsStillOwnedThenReportsTheOthers() throws {
        let (first, second, old, _, _) = try reclaimed()
        let kept = try first.claimTrial(sweep: "s", trialKey: "other", newRun: SampleRuns.newRun()).runId
        let moment = Date().addingTimeInterval(-5)
        assertReclaimed(try first.heartbeat(runIds: [old, kept], at: moment), runId: old, status: .interrupted, by: second.owner.token)
        let heartbeat = try XCTUnwrap(first.run(id: kept).heartbeatAt)
        XCTAssertTrue(heartbeat.hasPrefix(String(ISO8601DateFormatter().string(from: moment).prefix(19))), heartbeat)
    }
}
