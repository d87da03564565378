import CFConfig
import CFCore
import CFExperiment
import CFStore
import CFTestSupport
import CFTraining
import GRDB
import XCTest

/// Pruned and TPE sweeps in-process: the same decisions and proposals whatever the job
/// count, curves bit-identical to unpruned training, and a second run that picks up.
final class PrunedSweepTests: XCTestCase {
    static let gridSweep = """
        sweep:
          method: grid
          parameters:
            optimizer.lr: [1.0e-3, 3.0e-3, 1.0e-2, 3.0e-2]
            model.embedding_dim: [2, 6]
        """
    static let grid = Experiments.yaml(extra: gridSweep + "\n  early_terminate: {kind: successive_halving, min_epochs: 1, eta: 2}", epochs: 4)

    static let tpe = Experiments.yaml(extra: """
        sweep:
          method: tpe
          parameters:
            optimizer.lr: {min: 1.0e-3, max: 1.0e-1, log: true}
            model.embedding_dim: {min: 2, max: 8, int: true}
          samples: 7
          sampler_seed: 5
          tpe: {startup_trials: 3, batch: 2}
        """, epochs: 2)

    /// Runs `yaml` as `cflab run` does; returns the runner's trials and outcomes.
    func run(_ yaml: String, store: RunStore?, jobs: Int, stop: StopRequest = StopRequest(),
             reporter: any SweepReporter = SilentReporter()) throws -> (experiments: [PreparedExperiment], outcomes: [TrialRun.Outcome?]) {
        let file = try Experiments.file(yaml)
        let plan = try SweepExpander.expand(file)
        var preparer = ExperimentPreparer(file: file)
        let experiments = try plan.trials.map { try preparer.prepare($0.config) }
        let writer = store.map(StoreWriter.init)
        if let writer { try writer.register(file, preparer: preparer) }
        let sweep = try XCTUnwrap(file.sweep)
        let board = sweep.earlyTerminate.map { RungBoard(rule: $0, sweep: file.config.name, writer: writer, staleAfter: 30, stop: stop) }
        let source = sweep.method == .tpe
            ? TPESource(expansion: try SweepExpander.firstBatch(file, sweep: sweep), preparer: preparer, writer: writer, stop: stop)
            : nil
        let runner = SweepRunner(experiments: experiments, writer: writer, policy: ClaimPolicy(), jobs: jobs,
                                 stop: stop, reporter: reporter, board: board, source: source)
        let outcomes = runner.run()
        return (runner.experiments, outcomes)
    }

    static func statuses(_ outcomes: [TrialRun.Outcome?]) -> [String] {
        outcomes.map { outcome in
            switch outcome {
            case let .trained(_, status, summary)?: return "\(status.rawValue):\(summary.epochs.count)"
            case .skipped?: return "skipped"
            default: return "other"
            }
        }
    }

    func testSuccessiveHalvingPrunesTheSameTrialsOnOneAndTwoJobs() throws {
        let serial = try run(Self.grid, store: nil, jobs: 1)
        let parallel = try run(Self.grid, store: try TemporaryStore.make(for: self).store, jobs: 2)
        // 8 trials at epoch 1, the best 4 at epoch 2, the best 2 train to epoch 4.
        let statuses = Self.statuses(serial.outcomes)
        XCTAssertEqual(statuses, Self.statuses(parallel.outcomes))
        XCTAssertEqual(statuses.filter { $0 == "pruned:1" }.count, 4, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == "pruned:2" }.count, 2, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == "completed:4" }.count, 2, "\(statuses)")
        XCTAssertEqual(SweepRunnerTests.curves(serial.outcomes), SweepRunnerTests.curves(parallel.outcomes))
    }

    func testAPrunedCurveIsThePrefixOfTheUnprunedOne() throws {
        let pruned = try run(Self.grid, store: nil, jobs: 2)
        let full = try run(Experiments.yaml(extra: Self.gridSweep, epochs: 4), store: nil, jobs: 2)
        XCTAssertTrue(Self.statuses(full.outcomes).allSatisfy { $0 == "completed:4" }, "\(Self.statuses(full.outcomes))")
        for (short, long) in zip(SweepRunnerTests.curves(pruned.outcomes), SweepRunnerTests.curves(full.outcomes)) {
            XCTAssertEqual(short, Array(long.prefix(short.count)))
        }
    }

    func testStoredDecisionsAgreeWithTheStatusesAndASecondRunTrainsNothing() throws {
        let store = try TemporaryStore.make(for: self).store
        let first = try run(Self.grid, store: store, jobs: 2)
        let decisions = try store.rungDecisions(sweep: "tiny")
        XCTAssertEqual(decisions.filter { $0.rung == 0 }.count, 8)
        XCTAssertEqual(decisions.filter { $0.rung == 1 }.count, 4)
        XCTAssertEqual(decisions.filter(\.promoted).count, 6)
        let runs = try store.runs()
        XCTAssertEqual(runs.filter { $0.status == .pruned }.count, 6)
        XCTAssertTrue(runs.filter { $0.status == .pruned }.allSatisfy { $0.error?.hasPrefix("pruned at epoch ") == true })
        let again = try run(Self.grid, store: store, jobs: 2)
        XCTAssertEqual(SweepTally(again.outcomes).completedBefore, 8)
        XCTAssertEqual(try store.rungDecisions(sweep: "tiny"), decisions)
        XCTAssertEqual(first.outcomes.count, 8)
    }

    /// A rung decision the store refuses stops its trial as a failed store write (its run
    /// marked interrupted with the reason, its committed epochs kept), not silently.
    func testARefusedRungDecisionStopsItsTrialAsAStoreFailure() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON rungs BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        }
        try database.close()
        let outcomes = try run(Self.grid, store: store, jobs: 2).outcomes
        XCTAssertEqual(outcomes.count, 8)
        for outcome in outcomes {
            guard case let .storeFailed(runId, _)? = outcome, let runId else { return XCTFail("\(String(describing: outcome))") }
            let run = try store.run(id: runId)
            XCTAssertEqual(run.status, .interrupted)
            XCTAssertTrue(run.error?.hasPrefix("store write failed") == true, run.error ?? "no reason")
            XCTAssertEqual(try store.epochs(runId: runId).count, 1, "the rung's epoch stays committed")
        }
        XCTAssertTrue(try store.rungDecisions(sweep: "tiny").isEmpty)
    }

    /// A run stopped after two trials, then run again, ends with the decisions of a run
    /// that was never stopped: the interrupted trials retrain to their rungs.
    func testAStoppedPrunedSweepResumesToTheSameDecisions() throws {
        let clean = try TemporaryStore.make(for: self).store
        _ = try run(Self.grid, store: clean, jobs: 2)
        let store = try TemporaryStore.make(for: self).store
        let stop = StopRequest()
        _ = try run(Self.grid, store: store, jobs: 2, stop: stop, reporter: StoppingReporter(after: 2, stop: stop))
        XCTAssertLessThan(try store.runs().filter { $0.status.isFinished }.count, 8, "stopped early")
        _ = try run(Self.grid, store: store, jobs: 1)
        let summary = { (store: RunStore) throws -> [String] in
            try store.runs(matching: RunQuery(currentOnly: true)).map { "\($0.trialKey ?? ""):\($0.status.rawValue):\($0.bestEpoch ?? 0)" }.sorted()
        }
        XCTAssertEqual(try summary(store), try summary(clean))
        let decided = { (store: RunStore) throws in try store.rungDecisions(sweep: "tiny").map { "\($0.trialKey) \($0.rung) \($0.promoted)" } }
        XCTAssertEqual(try decided(store), try decided(clean))
    }

    func testTPEProposesTheSameTrialsOnOneAndTwoJobsAndAfterAStop() throws {
        let serial = try run(Self.tpe, store: nil, jobs: 1)
        let parallel = try run(Self.tpe, store: try TemporaryStore.make(for: self).store, jobs: 2)
        XCTAssertEqual(serial.experiments.count, 7)
        XCTAssertEqual(serial.experiments.map(\.trialKey), parallel.experiments.map(\.trialKey))
        XCTAssertEqual(SweepRunnerTests.curves(serial.outcomes), SweepRunnerTests.curves(parallel.outcomes))

        let store = try TemporaryStore.make(for: self).store
        let stop = StopRequest()
        let stopped = try run(Self.tpe, store: store, jobs: 1, stop: stop, reporter: StoppingReporter(after: 4, stop: stop))
        XCTAssertLessThan(stopped.experiments.count, 7)
        let resumed = try run(Self.tpe, store: store, jobs: 2)
        XCTAssertEqual(resumed.experiments.map(\.trialKey), serial.experiments.map(\.trialKey))
        XCTAssertGreaterThan(SweepTally(resumed.outcomes).completedBefore, 0)
    }
}

/// Asks the sweep to stop once `after` trials have finished.
final class StoppingReporter: SweepReporter, @unchecked Sendable {
    let after: Int
    let stop: StopRequest
    private let done = LockedValue(0)

    init(after: Int, stop: StopRequest) {
        self.after = after
        self.stop = stop
    }

    func started(index: Int, runId: Int64?) {}
    func epoch(index: Int, report: EpochReport) {}
    func finished(index: Int, outcome: TrialRun.Outcome) {
        let count = done.withLock { value -> Int in
            value += 1
            return value
        }
        if count >= after { _ = stop.request(reason: "stopped by test") }
    }
}
