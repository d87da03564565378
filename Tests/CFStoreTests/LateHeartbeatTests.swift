@testable import CFStore
import CFTestSupport
import XCTest

/// A heartbeat queued just before its owner finished the run is late, not a reclaim.
final class LateHeartbeatTests: XCTestCase {
    func testALateBeatForARunItsOwnerFinishedIsIgnored() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let claim = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun())
        try store.finishRun(runId: claim.runId, outcome: SampleRuns.completed(validRMSE: 0.9))
        XCTAssertNoThrow(try store.heartbeat(runIds: [claim.runId]))
        XCTAssertEqual(try store.run(id: claim.runId).status, .completed)
    }
}
