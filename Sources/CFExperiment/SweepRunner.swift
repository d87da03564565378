import CFCore
import CFStore
import CFTraining
import Foundation

/// Runs the trials of a plan on `jobs` threads, each trial single-threaded, with one
/// writer to the store and a heartbeat timer for the runs in flight.
///
/// Threads take the next trial in plan order, so which thread trains a trial never
/// matters: its random streams derive from its seed and tensor shapes (docs/streams.md).
/// The reporter hears of an epoch or a finished trial only once the store has committed
/// it. A write failure of the whole store (disk full, read-only, damaged) stops the
/// threads from taking more trials; `storeFailure` keeps the first one.
public final class SweepRunner: Sendable {
    public let experiments: [PreparedExperiment]
    public let writer: StoreWriter?
    public let policy: ClaimPolicy
    public let jobs: Int
    public let stop: StopRequest
    public let reporter: any SweepReporter
    public let inFlight = LockedValue<Set<Int64>>([])
    private let next = LockedValue(0)
    private let halted = LockedValue<StoreWriteFailure?>(nil)
    private let outcomes: LockedValue<[TrialRun.Outcome?]>

    public init(experiments: [PreparedExperiment], writer: StoreWriter?, policy: ClaimPolicy, jobs: Int,
         stop: StopRequest, reporter: any SweepReporter) {
        self.experiments = experiments
        self.writer = writer
        self.policy = policy
        self.jobs = max(1, min(jobs, experiments.count))
        self.stop = stop
        self.reporter = reporter
        outcomes = LockedValue(Array(repeating: nil, count: experiments.count))
    }

    /// Trains every trial this process can claim and returns each trial's outcome
    /// (nil for trials never started because of an interrupt).
    public func run() -> [TrialRun.Outcome?] {
        let heartbeat = startHeartbeat()
        let group = DispatchGroup()
        for _ in 0..<jobs {
            group.enter()
            let thread = Thread { [self] in
                work()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        heartbeat?.cancel()
        writer?.flush()
        return outcomes.current
    }

    /// The first failure of the whole store that stopped the sweep, if any.
    public var storeFailure: StoreWriteFailure? { halted.current }

    /// Marks the runs in flight interrupted at once (a second Ctrl-C).
    public func abandonInFlight() {
        let ids = Array(inFlight.current)
        _ = try? writer?.store.markInterrupted(runIds: ids, reason: "\(stop.reason), then stopped at once")
    }

    private func work() {
        while !stop.isRequested && halted.current == nil {
            let index = next.withLock { value -> Int in
                defer { value += 1 }
                return value
            }
            guard index < experiments.count else { return }
            let trial = TrialRun(experiment: experiments[index], writer: writer, policy: policy,
                                 stop: stop, inFlight: inFlight)
            // A trial's long steps (its final ranking evaluation) report to its own sink.
            let outcome = ProgressReport.$sink.withValue(reporter.progressSink(index: index)) {
                trial.execute(
                    onStart: { runId in reporter.started(index: index, runId: runId) },
                    onEpoch: { report in reporter.epoch(index: index, report: report) },
                    onProgress: { [reporter] epoch, step, steps in reporter.progress(index: index, epoch: epoch, step: step, steps: steps) }
                )
            }
            outcomes.withLock { $0[index] = outcome }
            if case let .storeFailed(_, failure) = outcome, failure.kind.isStoreWide {
                halted.withLock { if $0 == nil { $0 = failure } }
            }
            reporter.finished(index: index, outcome: outcome)
            FaultPoint.hit("after-trial-printed")
        }
    }

    /// A timer that refreshes the heartbeat of the runs in flight, a few times per
    /// `staleAfter` so that no other process takes them for abandoned.
    private func startHeartbeat() -> DispatchSourceTimer? {
        guard let writer else { return nil }
        let interval = min(2.0, max(0.2, policy.staleAfter / 4))
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "cflab.heartbeat"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [inFlight] in
            writer.heartbeat(runIds: Array(inFlight.current))
        }
        timer.resume()
        return timer
    }
}

/// Prints what happens to trials while a sweep runs; called from trial threads.
public protocol SweepReporter: Sendable {
    func started(index: Int, runId: Int64?)
    func epoch(index: Int, report: EpochReport)
    func finished(index: Int, outcome: TrialRun.Outcome)
    /// Steps done inside an epoch, for a progress bar; most reporters ignore it.
    func progress(index: Int, epoch: Int, step: Int, steps: Int)
    /// Where the long steps of trial `index` (ranking evaluation) report; nil for none.
    func progressSink(index: Int) -> (any ProgressSink)?
}

extension SweepReporter {
    public func progress(index: Int, epoch: Int, step: Int, steps: Int) {}
    public func progressSink(index: Int) -> (any ProgressSink)? { nil }
}
