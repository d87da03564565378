import CFCore
import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class RunRecordTests: XCTestCase {
    /// `run` with its JSON values in canonical key order, as the store gives them back.
    private func canonical(_ run: NewRun) throws -> NewRun {
        var copy = run
        for path in [\NewRun.config, \NewRun.streamSeeds, \NewRun.split, \NewRun.build] {
            copy[keyPath: path] = try JSONValue.parse(run[keyPath: path].canonical)
        }
        return copy
    }

    func testARecordComposesTheNewRunItWasStartedWith() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        var newRun = SampleRuns.newRun()
        newRun.dataPath = "/data/ml-100k"
        newRun.threads = 2
        let runId = try store.startRun(newRun, sweep: "s", trialKey: "k")
        let record = try store.run(id: runId)
        XCTAssertEqual(record.run, try canonical(newRun))
        XCTAssertEqual(record.name, newRun.name)
        XCTAssertEqual(record.seed, 1)
        XCTAssertEqual(record.dataPath, "/data/ml-100k")
        XCTAssertEqual(record.lifecycle.host, store.owner.host)
        XCTAssertEqual(record.startedAt, record.createdAt)
        XCTAssertNil(record.endedAt)
    }

    func testTagsAreTheCurrentOnes() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun(tags: ["b", "a"]))
        XCTAssertEqual(try store.run(id: runId).tags, ["a", "b"])
        try store.tagRun(id: runId, tag: "c")
        try store.untagRun(id: runId, tag: "a")
        XCTAssertEqual(try store.run(id: runId).run.tags, ["b", "c"])
    }

    func testAnUnfinishedRunHasEmptyMetricsAndTheOutcomeFinishRunWrote() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun())
        let running = try store.run(id: runId).outcome
        XCTAssertEqual(running, RunOutcome(status: .running))
        try store.markInterrupted(runIds: [runId])
        XCTAssertEqual(try store.run(id: runId).bestMetrics, [:])
        let finished = try store.startRun(SampleRuns.newRun())
        let outcome = SampleRuns.completed(validRMSE: 0.9)
        try store.finishRun(runId: finished, outcome: outcome)
        XCTAssertEqual(try store.run(id: finished).outcome, outcome)
    }

    func testARowWithoutASeedIsACorruptRecord() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun())
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE runs SET seed = NULL WHERE id = ?", arguments: [runId]) }
        XCTAssertThrowsError(try store.run(id: runId)) { error in
            XCTAssertEqual(error as? StoreError, .corruptRecord(path: "runs", reason: "run \(runId): column seed cannot be decoded"))
        }
    }
}
