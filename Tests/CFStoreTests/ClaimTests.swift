import CFStore
import CFTestSupport
import Foundation
import XCTest

final class ClaimTests: XCTestCase {
    func testNewTrialIsClaimedAsARunningFirstAttempt() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let result = try store.claimTrial(sweep: "s", trialKey: "k1", newRun: SampleRuns.newRun())
        guard case let .claimed(runId) = result else { return XCTFail("\(result)") }
        let run = try store.run(id: runId)
        XCTAssertEqual(run.status, .running)
        XCTAssertEqual(run.attempt, 1)
        XCTAssertEqual(run.sweep, "s")
        XCTAssertEqual(run.trialKey, "k1")
        XCTAssertTrue(run.isCurrent)
        XCTAssertEqual(run.owner, store.owner.token)
        XCTAssertEqual(run.processId, Int(ProcessInfo.processInfo.processIdentifier))
        XCTAssertNotNil(run.heartbeatAt)
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k1", newRun: SampleRuns.newRun()), .busy(runId: runId))
        XCTAssertEqual(try store.claimTrial(sweep: "other", trialKey: "k1", newRun: SampleRuns.newRun()).runId, runId + 1)
    }

    func testCompletedTrialIsSkippedUnlessRerun() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let first = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.finishRun(runId: first, outcome: SampleRuns.completed(validRMSE: 0.9))
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .skippedCompleted(runId: first))
        let rerun = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun(), policy: ClaimPolicy(rerun: true))
        guard case let .claimed(second) = rerun else { return XCTFail("\(rerun)") }
        XCTAssertEqual(try store.run(id: second).attempt, 2)
        XCTAssertFalse(try store.run(id: first).isCurrent)
        XCTAssertEqual(try store.run(id: first).status, .completed)
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .busy(runId: second))
    }

    func testDivergedTrialCountsAsAResult() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let runId = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.finishRun(runId: runId, outcome: RunOutcome(status: .diverged, finalMetrics: ["train_loss": .nan]))
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .skippedCompleted(runId: runId))
        XCTAssertTrue(try store.run(id: runId).finalMetrics["train_loss"]?.isNaN ?? false)
    }

    func testFailedTrialIsSkippedUnlessRetried() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let failed = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.finishRun(runId: failed, outcome: RunOutcome(status: .failed, error: "out of memory"))
        XCTAssertEqual(try store.run(id: failed).error, "out of memory")
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .skippedFailed(runId: failed))
        let retry = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun(), policy: ClaimPolicy(retryFailed: true))
        XCTAssertEqual(retry, .claimed(runId: failed + 1))
    }

    func testInterruptedTrialIsReclaimed() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let first = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.markInterrupted(runIds: [first])
        XCTAssertEqual(try store.run(id: first).status, .interrupted)
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .claimed(runId: first + 1))
    }

    func testStaleHeartbeatMakesARunningTrialReclaimable() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let first = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try store.heartbeat(runIds: [first], at: Date().addingTimeInterval(-60))
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun(), policy: ClaimPolicy(staleAfter: 120)), .busy(runId: first))
        let result = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun(), policy: ClaimPolicy(staleAfter: 30))
        XCTAssertEqual(result, .claimed(runId: first + 1))
        let old = try store.run(id: first)
        XCTAssertEqual(old.status, .interrupted)
        XCTAssertNotNil(old.endedAt)
    }

    func testReapStaleInterruptsOnlyOldHeartbeats() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let old = try store.startRun(SampleRuns.newRun())
        let fresh = try store.startRun(SampleRuns.newRun())
        try store.heartbeat(runIds: [old], at: Date().addingTimeInterval(-100))
        XCTAssertEqual(try store.reapStale(olderThan: 30), [old])
        XCTAssertEqual(try store.run(id: old).status, .interrupted)
        XCTAssertEqual(try store.run(id: fresh).status, .running)
        try store.finishRun(runId: fresh, outcome: SampleRuns.completed(validRMSE: 1))
        try store.markInterrupted(runIds: [fresh])
        XCTAssertEqual(try store.run(id: fresh).status, .completed)
    }
}
