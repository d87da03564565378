import CFConfig
import CFCore
import CFExperiment
import CFStore
import CFTestSupport
import CFTraining
import XCTest

/// The sweep runner in-process: claims, trains and records trials, the same results
/// whatever the job count, and skips what the store already holds.
final class SweepRunnerTests: XCTestCase {
    static let sweep = Experiments.yaml(extra: """
        sweep:
          method: grid
          parameters:
            model.kind: [dot, dot_bias]
            optimizer.lr: [1.0e-2, 3.0e-2]
          seeds: [1, 2]
        """, epochs: 2)

    func run(_ yaml: String, store: RunStore?, jobs: Int, policy: ClaimPolicy = ClaimPolicy()) throws -> [TrialRun.Outcome?] {
        let file = try Experiments.file(yaml)
        let plan = try SweepExpander.expand(file)
        var preparer = ExperimentPreparer(file: file)
        let experiments = try plan.trials.map { try preparer.prepare($0.config) }
        let runner = SweepRunner(
            experiments: experiments, writer: store.map(StoreWriter.init), policy: policy, jobs: jobs,
            stop: StopRequest(), reporter: SilentReporter())
        return runner.run()
    }

    func testJobsNeverChangeResultsAndEveryTrialIsRecorded() throws {
        let store = try TemporaryStore.make(for: self).store
        let parallel = try run(Self.sweep, store: store, jobs: 2)
        let serial = try run(Self.sweep, store: nil, jobs: 1)
        XCTAssertEqual(parallel.count, 8)
        XCTAssertEqual(Self.curves(parallel), Self.curves(serial))
        let runs = try store.runs()
        XCTAssertEqual(runs.count, 8)
        XCTAssertTrue(runs.allSatisfy { $0.status == .completed && $0.semantics == RunSemantics.current.version })
        for case let .trained(runId?, _, summary)? in parallel {
            let stored = try store.epochs(runId: runId).map { $0.metrics[MetricName.validRMSE]?.bitPattern }
            XCTAssertEqual(stored, summary.epochs.map { $0.metrics[MetricName.validRMSE]?.bitPattern })
        }
        let tally = SweepTally(try run(Self.sweep, store: store, jobs: 2))
        XCTAssertEqual(tally.completedBefore, 8)
        XCTAssertEqual(tally.trained, 0)
        XCTAssertEqual(tally.line(name: "tiny", trials: 8), "tiny: 8 trials: 0 trained, 8 already done")
    }

    func testAStopRequestEndsTrialsAtTheNextEpochAsInterrupted() throws {
        let store = try TemporaryStore.make(for: self).store
        let file = try Experiments.file(Experiments.yaml(epochs: 4))
        let experiment = try PreparedExperiment.prepare(file)
        let stop = StopRequest()
        let trial = TrialRun(experiment: experiment, writer: StoreWriter(store: store), stop: stop)
        let outcome = trial.execute(onStart: { _ in }, onEpoch: { report in
            if report.epoch == 2 { stop.request(reason: "interrupted by test") }
        })
        guard case let .trained(runId?, status, _) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(status, .interrupted)
        trial.writer?.flush()
        let record = try store.run(id: runId)
        XCTAssertEqual(record.status, .interrupted)
        XCTAssertEqual(record.error, "interrupted by test")
        XCTAssertEqual(try store.epochs(runId: runId).count, 2)
    }

    func testBaselinesJoinThePlanOnceWithTheFirstTrialsDataAndSeed() throws {
        let plan = try SweepExpander.expand(try Experiments.file(Self.sweep))
        let withBaselines = CompareBaselines.adding(to: plan)
        XCTAssertEqual(withBaselines.count, plan.count + 2)
        XCTAssertEqual(withBaselines.trials.suffix(2).map(\.config.model.kind), [.globalMean, .biases])
        XCTAssertEqual(Set(withBaselines.trials.suffix(2).map(\.seed)), [plan.trials[0].seed])
        XCTAssertEqual(CompareBaselines.adding(to: withBaselines).count, withBaselines.count)
    }

    static func curves(_ outcomes: [TrialRun.Outcome?]) -> [[UInt64?]] {
        outcomes.map { outcome in
            guard case let .trained(_, _, summary)? = outcome else { return [] }
            return summary.epochs.flatMap { report in
                [MetricName.trainLoss, MetricName.validRMSE].map { report.metrics[$0]?.bitPattern }
            }
        }
    }
}

/// A reporter that prints nothing.
struct SilentReporter: SweepReporter {
    func started(index: Int, runId: Int64?) {}
    func epoch(index: Int, report: EpochReport) {}
    func finished(index: Int, outcome: TrialRun.Outcome) {}
}
