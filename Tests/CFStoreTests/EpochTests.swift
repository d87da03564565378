import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

final class EpochTests: XCTestCase {
    func testEachEpochIsOnDiskOnceAppendEpochReturns() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let runId = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        for epoch in 1...3 {
            try store.appendEpoch(runId: runId, epoch: epoch, metrics: ["valid_rmse": 1.0 / Double(epoch), "lr": 1e-3])
        }
        // What a SIGKILL leaves: the database and its WAL, copied while the writer is still open.
        let crashed = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite")
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: crashed.path + suffix)
        }
        let reopened = try RunStore(path: crashed.path)
        let epochs = try reopened.epochs(runId: runId)
        XCTAssertEqual(epochs.map(\.epoch), [1, 2, 3])
        XCTAssertEqual(epochs[2].metrics, ["valid_rmse": 1.0 / 3.0, "lr": 1e-3])
        XCTAssertEqual(try reopened.run(id: runId).status, .running)
        XCTAssertEqual(try reopened.reapStale(olderThan: -1), [runId])
        XCTAssertEqual(try reopened.run(id: runId).status, .interrupted)
        XCTAssertEqual(try reopened.epochs(runId: runId).count, 3)
        withExtendedLifetime(store) {}
    }

    func testMetricsRoundTripExactlyIncludingNonFiniteValuesAndStepTraces() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun())
        let metrics = ["valid_rmse": 0.1 + 0.2, "train_loss": .infinity, "odd": -.infinity, "bad": .nan, "tiny": Double.leastNonzeroMagnitude]
        let trace = JSONValue.array([.double(0.5), .double(0.25)])
        try store.appendEpoch(runId: runId, epoch: 1, metrics: metrics, stepTrace: trace)
        let stored = try XCTUnwrap(store.epochs(runId: runId).first)
        XCTAssertEqual(stored.metrics.count, metrics.count)
        for (name, value) in metrics where !value.isNaN {
            XCTAssertEqual(stored.metrics[name]?.bitPattern, value.bitPattern, name)
        }
        XCTAssertTrue(stored.metrics["bad"]?.isNaN ?? false)
        XCTAssertEqual(stored.stepTrace, trace)
    }

    func testUnknownRunIsAnError() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        XCTAssertThrowsError(try store.appendEpoch(runId: 99, epoch: 1, metrics: [:])) { error in
            XCTAssertEqual(error as? StoreError, .unknownRun(id: 99))
        }
        XCTAssertThrowsError(try store.run(id: 99))
    }
}
