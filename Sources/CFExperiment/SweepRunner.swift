import CFConfig
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
///
/// At most `jobs` trials train at once: each holds one of `jobs` slots. A trial that
/// waits at a rung of a pruned sweep (`board`) gives its slot back and another thread
/// starts, so a rung that waits for every trial never waits for a thread. A `source`
/// (a `tpe` sweep) adds batches of trials once every trial before them has ended.
public final class SweepRunner: @unchecked Sendable {
    public let writer: StoreWriter?
    public let policy: ClaimPolicy
    public let jobs: Int
    public let stop: StopRequest
    public let reporter: any SweepReporter
    public let board: RungBoard?
    public let source: (any TrialSource)?
    public let inFlight = LockedValue<Set<Int64>>([])
    private let next = LockedValue(0)
    private let halted = LockedValue<StoreWriteFailure?>(nil)
    private let trials: LockedValue<[PreparedExperiment]>
    private let outcomes: LockedValue<[TrialRun.Outcome?]>
    private let slots: DispatchSemaphore
    private let threads = DispatchGroup()
    private let sourceError = LockedValue<String?>(nil)

    public init(experiments: [PreparedExperiment], writer: StoreWriter?, policy: ClaimPolicy, jobs: Int,
                stop: StopRequest, reporter: any SweepReporter, board: RungBoard? = nil, source: (any TrialSource)? = nil) {
        self.writer = writer
        self.policy = policy
        self.jobs = max(1, jobs)
        self.stop = stop
        self.reporter = reporter
        self.board = board
        self.source = source
        trials = LockedValue(experiments)
        outcomes = LockedValue(Array(repeating: nil, count: experiments.count))
        slots = DispatchSemaphore(value: max(1, jobs))
        board?.add(experiments)
    }

    /// Every trial so far, in trial order (a `tpe` sweep's grow batch by batch).
    public var experiments: [PreparedExperiment] { trials.current }

    /// Why the source could not propose more trials, if it failed.
    public var proposalFailure: String? { sourceError.current }

    /// Trains every trial this process can claim and returns each trial's outcome
    /// (nil for trials never started because of an interrupt).
    public func run() -> [TrialRun.Outcome?] {
        let heartbeat = startHeartbeat()
        while true {
            let pending = trials.current.count - next.current
            for _ in 0..<max(0, min(jobs, pending)) { startThread() }
            threads.wait()
            guard let source, !stop.isRequested, halted.current == nil else { break }
            do {
                guard let batch = try source.nextBatch(after: outcomes.current), !batch.experiments.isEmpty else { break }
                reporter.added(trials: batch.trials, experiments: batch.experiments)
                board?.add(batch.experiments)
                trials.withLock { $0 += batch.experiments }
                outcomes.withLock { $0 += Array(repeating: nil, count: batch.experiments.count) }
            } catch {
                sourceError.withLock { $0 = "\(error)" }
                break
            }
        }
        heartbeat?.cancel()
        writer?.flush()
        return outcomes.current
    }

    /// Starts one more thread taking trials.
    private func startThread() {
        threads.enter()
        let thread = Thread { [self] in
            work()
            threads.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
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
            slots.wait()
            let index = next.withLock { value -> Int? in
                guard value < trials.current.count else { return nil }
                defer { value += 1 }
                return value
            }
            guard let index, !stop.isRequested, halted.current == nil else {
                slots.signal()
                return
            }
            let trial = TrialRun(experiment: trials.current[index], writer: writer, policy: policy,
                                 stop: stop, inFlight: inFlight)
            let rung = board.map { board in
                TrialRun.Rungs(board: board, index: index, pause: { [self] in
                    slots.signal()
                    startThread()
                }, resume: { [slots] in slots.wait() })
            }
            // A trial's long steps (its final ranking evaluation) report to its own sink.
            let outcome = ProgressReport.$sink.withValue(reporter.progressSink(index: index)) {
                trial.execute(
                    rungs: rung,
                    onStart: { runId in
                        board?.started(index: index, runId: runId)
                        reporter.started(index: index, runId: runId)
                    },
                    onEpoch: { report in reporter.epoch(index: index, report: report) },
                    onProgress: { [reporter] epoch, step, steps in reporter.progress(index: index, epoch: epoch, step: step, steps: steps) }
                )
            }
            slots.signal()
            if case let .skipped(claim) = outcome { board?.skipped(index: index, claim: claim) } else { board?.ended(index: index) }
            outcomes.withLock { $0[index] = outcome }
            if case let .storeFailed(_, failure) = outcome, failure.kind.isStoreWide {
                halted.withLock { if $0 == nil { $0 = failure } }
                board?.halt()
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
    /// A `tpe` sweep proposed more trials; they follow the earlier ones in trial order.
    func added(trials: [SweepTrial], experiments: [PreparedExperiment])
}

extension SweepReporter {
    public func added(trials: [SweepTrial], experiments: [PreparedExperiment]) {}
    public func progress(index: Int, epoch: Int, step: Int, steps: Int) {}
    public func progressSink(index: Int) -> (any ProgressSink)? { nil }
}

/// More trials of a sweep, proposed from the outcomes of the earlier ones.
public protocol TrialSource: AnyObject, Sendable {
    /// The next batch, given every outcome so far in trial order; nil when the sweep is done.
    func nextBatch(after outcomes: [TrialRun.Outcome?]) throws -> SweepBatch?
}

/// Trials a `TrialSource` adds: the plan's view and the prepared experiments, alike in order.
public struct SweepBatch: Sendable {
    public var trials: [SweepTrial]
    public var experiments: [PreparedExperiment]

    public init(trials: [SweepTrial], experiments: [PreparedExperiment]) {
        self.trials = trials
        self.experiments = experiments
    }
}
