import CFExperiment
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// The exit code of a `cflab run` from its trials' outcomes.
final class SweepVerdictTests: XCTestCase {
    static let summary: TrialSummary = {
        let experiment = try! PreparedExperiment.prepare(try! Experiments.file(Experiments.yaml(epochs: 1)))
        return TrialSummary(result: try! experiment.trainer().run { _ in .continue }, seconds: 0)
    }()

    func verdict(_ outcomes: [TrialRun.Outcome?], signal: Int32? = nil, storeFailure: StoreWriteFailure? = nil,
                 heartbeats: [String] = [], isSweep: Bool = true) -> SweepVerdict {
        SweepVerdict(outcomes: outcomes, store: nil, staleAfter: 30, signal: signal, storeFailure: storeFailure,
                     heartbeatFailures: heartbeats, isSweep: isSweep)
    }

    func trained(_ status: RunStatus) -> TrialRun.Outcome {
        .trained(runId: 1, status: status, result: Self.summary)
    }

    func testZeroOnlyWhenEveryTrialIsDone() {
        let done = verdict([trained(.completed), trained(.diverged), .skipped(.skippedCompleted(runId: 3))])
        XCTAssertEqual(done.exitCode, 0)
        XCTAssertNil(done.reason)
        XCTAssertEqual(done.line(name: "s"), "s: 3 trials: 2 trained, 1 of them diverged, 1 already done")

        let failed = verdict([trained(.completed), .failed(runId: 2, message: "boom"), .skipped(.skippedFailed(runId: 3))])
        XCTAssertEqual(failed.exitCode, 1)
        XCTAssertEqual(failed.reason, "error: 2 of 3 trials not done: 1 failed, 1 failed before (--retry-failed trains them again)")

        // Busy with no store to ask: not known to be live, so not done.
        XCTAssertEqual(verdict([.skipped(.busy(runId: 4))]).exitCode, 1)
        XCTAssertEqual(verdict([trained(.completed)], heartbeats: ["heartbeat: x"]).exitCode, 1)
        XCTAssertEqual(verdict([trained(.diverged)], isSweep: false).exitCode, 3)
    }

    func testASignalThatLeftTrialsUnfinishedGivesItsCode() {
        for (signal, code) in [(SIGINT, Int32(130)), (SIGTERM, 143), (SIGHUP, 129)] {
            let stopped = verdict([trained(.completed), trained(.interrupted), nil], signal: signal)
            XCTAssertEqual(stopped.exitCode, code)
            XCTAssertNil(stopped.reason, "the signal's message was printed when it arrived")
        }
        XCTAssertEqual(verdict([trained(.completed)], signal: SIGINT).exitCode, 0, "everything was done anyway")
    }

    func testAStoreFailureNamesItsKind() {
        let failure = StoreWriteFailure(kind: .diskFull, runId: 2, path: "r.sqlite", detail: "database or disk is full")
        let full = verdict([trained(.completed), .storeFailed(runId: 2, failure: failure), nil], storeFailure: failure)
        XCTAssertEqual(full.exitCode, 1)
        XCTAssertEqual(full.reason, "error: 2 of 3 trials not done: disk full (r.sqlite)")
    }

    /// A trial another process held, which that process finished and then exited between
    /// this process's read of the trial and its check of the owner: done, not held by a
    /// process that no longer runs (a race `ContentionTests` met with four writers).
    func testATrialItsOwnerFinishedJustBeforeTheCheckIsDone() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        guard case let .claimed(runId) = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()) else {
            return XCTFail("the fixture's claim")
        }
        let busy: [TrialRun.Outcome?] = [.skipped(.busy(runId: runId))]
        let silent = SweepVerdict(outcomes: busy, store: store, staleAfter: 30, signal: nil, storeFailure: nil, isSweep: true) { _ in false }
        XCTAssertEqual(silent.exitCode, 1, "an owner that is gone, with the trial unfinished")
        XCTAssertEqual(silent.silentOwners.count, 1)
        let finishedMeanwhile = SweepVerdict(outcomes: busy, store: store, staleAfter: 30, signal: nil, storeFailure: nil, isSweep: true) { _ in
            try? store.finishRun(runId: runId, outcome: SampleRuns.completed(validRMSE: 0.9))
            return false
        }
        XCTAssertEqual(finishedMeanwhile.exitCode, 0, finishedMeanwhile.reason ?? "")
        XCTAssertEqual(finishedMeanwhile.silentOwners, [])
    }
}
