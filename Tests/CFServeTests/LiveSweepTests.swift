import CFConfig
import CFCore
import CFExperiment
import CFServe
import CFStore
import CFTestSupport
import CFTraining
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// A sweep trains into a store while the dashboard, on a real socket, reads it: no read
/// fails or waits on a lock, every committed epoch is seen, and a finished trial shows
/// within 2 s of its commit.
final class LiveSweepTests: XCTestCase {
    static let sweep = ExperimentYAML.synthetic(
        name: "live", seed: 3, data: "{users: 300, items: 200, ratings: 40000, rank: 4, noise: 0.3, seed: 9}",
        model: "{kind: dot_bias, embedding_dim: 8, y_range: [0.0, 5.5]}", training: "{epochs: 6, batch_size: 64}",
        extra: """
        sweep:
          method: grid
          parameters:
            model.embedding_dim: [4, 8]
          seeds: [1, 2]
        """)

    /// What the poller saw: each run's epochs in the order they arrived, and when each run
    /// was first seen finished.
    actor Observed {
        var epochs: [Int64: [JSONValue]] = [:]
        var finishedAt: [Int64: Date] = [:]
        var failures: [String] = []
        /// Polls that saw a run running with some but not all of its epochs.
        var partial = 0

        func add(_ run: Int64, _ new: [JSONValue]) { epochs[run, default: []] += new }
        func finished(_ run: Int64) { if finishedAt[run] == nil { finishedAt[run] = Date() } }
        func fail(_ text: String) { failures.append(text) }
        func sawPartial() { partial += 1 }
    }

    func testAWritingSweepIsSeenWholeAndLive() async throws {
        let (writerStore, path) = try TemporaryStore.make(for: self)
        let file = try ConfigLoader.parse(yaml: Self.sweep, fileName: "live.yaml")
        let plan = try SweepExpander.expand(file)
        var preparer = ExperimentPreparer(file: file)
        let experiments = try preparer.prepareAll(plan.trials.map(\.config))
        let writer = StoreWriter(store: writerStore)
        try writer.register(file, preparer: preparer)
        let dashboard = try Dashboard(store: try RunStore(path: path, readOnly: true), settings: ServeSettings(port: 0, requestsPerSecond: 100_000, burst: 100_000))

        let sweepDone = expectation(description: "the sweep ends")
        let outcomes = LockedValue<[TrialRun.Outcome?]>([])
        let observed = Observed()
        let finished = LockedValue(false)
        try await dashboard.application().test(.live) { client in
            // The sweep starts once the server listens, so that reads and writes overlap.
            Thread.detachNewThread {
                let runner = SweepRunner(experiments: experiments, writer: writer, policy: ClaimPolicy(), jobs: 2,
                                         stop: StopRequest(), reporter: QuietReporter())
                let result = runner.run()
                outcomes.withLock { $0 = result }
                writer.flush()
                sweepDone.fulfill()
            }
            var deadline = Date().addingTimeInterval(300)
            while Date() < deadline {
                let runs = try await client.execute(uri: "/api/runs?sweep=live", method: .get) { response -> [JSONValue] in
                    if response.status != .ok { await observed.fail("runs: \(response.status) \(response.text)") }
                    return (try? response.json().arrayValue) ?? []
                }
                for run in runs {
                    guard let id = run["id"]?.intValue else { continue }
                    let status = run["status"]?.stringValue
                    let seen = await observed.epochs[id]?.count ?? 0
                    let new = try await client.execute(uri: "/api/runs/\(id)/epochs?after=\(seen)", method: .get) { response -> [JSONValue] in
                        if response.status != .ok { await observed.fail("epochs \(id): \(response.status) \(response.text)") }
                        return (try? response.json().arrayValue) ?? []
                    }
                    await observed.add(id, new)
                    let count = await observed.epochs[id]?.count ?? 0
                    if status == "running", count > 0, count < 6 { await observed.sawPartial() }
                    if status == "completed" { await observed.finished(id) }
                }
                let allSeen = await observed.finishedAt.count
                if finished.current && allSeen == plan.count { break }
                if !finished.current, outcomes.current.count == plan.count {
                    finished.withLock { $0 = true }
                    deadline = min(deadline, Date().addingTimeInterval(10))
                }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        await fulfillment(of: [sweepDone], timeout: 300)

        let failures = await observed.failures
        XCTAssertEqual(failures, [], "every read answered 200, none hit a lock")
        let partial = await observed.partial
        XCTAssertGreaterThan(partial, 0, "the server read while the sweep was writing")
        XCTAssertTrue(outcomes.current.allSatisfy { if case .trained(_, .completed, _)? = $0 { return true } else { return false } },
                      "the sweep wrote every trial while the server read: \(outcomes.current)")
        let store = try RunStore(path: path, readOnly: true)
        let runs = try store.runs(matching: RunQuery(sweep: "live"))
        XCTAssertEqual(runs.count, 4)
        let seenEpochs = await observed.epochs
        let finishedAt = await observed.finishedAt
        for run in runs {
            let stored = try store.epochs(runId: run.id)
            XCTAssertEqual(stored.count, 6)
            let seen = seenEpochs[run.id] ?? []
            XCTAssertEqual(seen.compactMap { $0["epoch"]?.intValue }, Array(1...6), "run \(run.id): every epoch once, in order")
            for (epoch, json) in zip(stored, seen) {
                XCTAssertEqual(json["valid_rmse"]?.doubleValue?.bitPattern, epoch.metrics["valid_rmse"]?.bitPattern)
            }
            let committed = try XCTUnwrap(Self.date(run.endedAt), "run \(run.id) ended_at")
            let shown = try XCTUnwrap(finishedAt[run.id], "run \(run.id) seen completed")
            XCTAssertLessThan(shown.timeIntervalSince(committed), 2, "run \(run.id) appeared within 2 s of its commit")
        }
    }

    static func date(_ timestamp: String?) -> Date? {
        guard let timestamp else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: timestamp)
    }
}

/// A reporter that prints nothing.
struct QuietReporter: SweepReporter {
    func started(index: Int, runId: Int64?) {}
    func epoch(index: Int, report: EpochReport) {}
    func finished(index: Int, outcome: TrialRun.Outcome) {}
}
