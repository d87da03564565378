import CFStore
import CFTestSupport
import Foundation
import XCTest

/// Claims gathered from several threads.
private final class ClaimLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var claims: [(trial: String, runId: Int64)] = []
    private(set) var errors: [String] = []

    func record(trial: String, runId: Int64) {
        lock.withLock { claims.append((trial, runId)) }
    }

    func record(error: Error) {
        lock.withLock { errors.append("\(error)") }
    }
}

final class ConcurrencyTests: XCTestCase {
    func testTwoStoresOnOneFileNeverClaimATrialTwice() throws {
        let (_, path) = try TemporaryStore.make(for: self)
        let stores = [try RunStore(path: path), try RunStore(path: path)]
        let trials = (0..<40).map { "trial-\($0)" }
        let log = ClaimLog()
        let workers = 4
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let store = stores[worker % stores.count]
            let order = worker % 2 == 0 ? trials : trials.reversed()
            for trial in order {
                do {
                    if case let .claimed(runId) = try store.claimTrial(sweep: "race", trialKey: trial, newRun: SampleRuns.newRun()) {
                        log.record(trial: trial, runId: runId)
                        try store.appendEpoch(runId: runId, epoch: 1, metrics: ["valid_rmse": 1])
                        try store.finishRun(runId: runId, outcome: SampleRuns.completed(validRMSE: 1))
                    }
                } catch {
                    log.record(error: error)
                }
            }
        }
        XCTAssertEqual(log.errors, [])
        XCTAssertEqual(log.claims.map(\.trial).sorted(), trials.sorted())
        let runs = try stores[0].runs(matching: RunQuery(sweep: "race"))
        XCTAssertEqual(runs.count, trials.count)
        XCTAssertTrue(runs.allSatisfy { $0.status == .completed && $0.attempt == 1 && $0.isCurrent })
    }
}
