import CFCore
import CFStore
import CFTraining
import Foundation

/// One trial of a sweep: claims it in the store, trains it, and records every epoch and
/// the outcome through the store writer.
public struct TrialRun {
    /// What became of a trial in this process.
    public enum Outcome: Sendable {
        case trained(runId: Int64?, status: RunStatus, result: TrialSummary)
        case skipped(ClaimResult)
        case failed(runId: Int64?, message: String)
        /// A store write failed: the trial stopped there (see `StoreWriteFailure.line`).
        case storeFailed(runId: Int64?, failure: StoreWriteFailure)
    }

    /// Where a trial of a pruned sweep reports its epochs and waits at its rungs.
    public struct Rungs {
        public let board: RungBoard
        /// The trial's position in the sweep, in trial order.
        public let index: Int
        /// Gives back the trial's job slot while it waits, and takes one again.
        public let pause: () -> Void
        public let resume: () -> Void

        public init(board: RungBoard, index: Int, pause: @escaping () -> Void, resume: @escaping () -> Void) {
            self.board = board
            self.index = index
            self.pause = pause
            self.resume = resume
        }
    }

    public let experiment: PreparedExperiment
    public let writer: StoreWriter?
    public let policy: ClaimPolicy
    public let stop: StopRequest
    public let inFlight: LockedValue<Set<Int64>>

    public init(
        experiment: PreparedExperiment, writer: StoreWriter?, policy: ClaimPolicy = ClaimPolicy(),
        stop: StopRequest = StopRequest(), inFlight: LockedValue<Set<Int64>> = LockedValue([])
    ) {
        self.experiment = experiment
        self.writer = writer
        self.policy = policy
        self.stop = stop
        self.inFlight = inFlight
    }

    /// Claims and trains the trial; `onEpoch` sees every epoch once it is committed.
    public func execute(
        rungs: Rungs? = nil,
        onStart: (Int64?) -> Void, onEpoch: (EpochReport) -> Void, onProgress: ((Int, Int, Int) -> Void)? = nil
    ) -> Outcome {
        var runId: Int64?
        if let writer {
            let newRun = experiment.newRun()
            let sweep = experiment.config.name, key = experiment.trialKey, policy = policy
            do {
                let claim = try writer.perform { try $0.claimTrial(sweep: sweep, trialKey: key, newRun: newRun, policy: policy) }
                guard case let .claimed(id) = claim else { return .skipped(claim) }
                runId = id
            } catch {
                return .storeFailed(runId: nil, failure: StoreWriteFailure(error, runId: nil, path: writer.path))
            }
            FaultPoint.hit("after-claim")
        }
        onStart(runId)
        return train(runId: runId, rungs: rungs, onEpoch: onEpoch, onProgress: onProgress)
    }

    /// Trains the trial as `runId` (nil: not recorded) and records its outcome.
    ///
    /// Each epoch is committed before `onEpoch` sees it, and the outcome before this
    /// returns, so whatever a caller prints from them is on disk. A write that fails ends
    /// the trial at once as `.storeFailed`: the run is marked interrupted (so that the
    /// next `cflab run` trains it again), unless it is no longer this process's to write.
    ///
    /// With `rungs`, each committed epoch goes to the rung board; a trial it prunes ends
    /// `pruned` (its reason in `runs.error`), one it abandons ends `interrupted`.
    public func train(
        runId: Int64?, rungs: Rungs? = nil, onEpoch: (EpochReport) -> Void, onProgress: ((Int, Int, Int) -> Void)? = nil
    ) -> Outcome {
        if let runId { inFlight.withLock { _ = $0.insert(runId) } }
        defer { if let runId { inFlight.withLock { _ = $0.remove(runId) } } }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let trainer = try experiment.trainer()
            trainer.onProgress = onProgress
            var writeFailure: StoreWriteFailure?
            var stopped: (status: RunStatus, reason: String)?
            let result = try trainer.run { report in
                if let runId, let writer {
                    do {
                        try writer.appendEpoch(runId: runId, report: report)
                    } catch {
                        writeFailure = StoreWriteFailure(error, runId: runId, path: writer.path)
                        return .stop
                    }
                    FaultPoint.hit("after-epoch-commit-before-print")
                }
                onEpoch(report)
                FaultPoint.hit("after-epoch-printed")
                if stop.isRequested { return .stop }
                guard let rungs else { return .continue }
                let decision: RungBoard.Decision
                do {
                    decision = try rungs.board.afterEpoch(index: rungs.index, epoch: report.epoch, metrics: report.metrics,
                                                          pause: rungs.pause, resume: rungs.resume)
                } catch {
                    if let writer { writeFailure = StoreWriteFailure(error, runId: runId, path: writer.path) }
                    return .stop
                }
                switch decision {
                case .continue: return .continue
                case let .prune(reason): stopped = (.pruned, reason)
                case let .abandon(reason): stopped = (.interrupted, reason)
                }
                return .stop
            }
            let seconds = Self.seconds(clock.now - start)
            if let writeFailure { return abandon(runId: runId, failure: writeFailure) }
            let status = result.status == .stopped ? stopped?.status ?? .interrupted : Self.status(of: result)
            let summary = TrialSummary(result: result, seconds: seconds)
            if let writer, let runId {
                let outcome = RunOutcome(
                    status: status, error: stopped?.reason ?? (status == .interrupted ? stop.reason : nil),
                    bestEpoch: result.bestEpoch, bestMetrics: result.bestMetrics, finalMetrics: result.finalMetrics,
                    testMetrics: result.testMetrics, durationSeconds: seconds
                )
                let kept = status == .interrupted ? [] : KeptParameters.tensors(of: result, keep: experiment.config.training.keep)
                do {
                    try writer.finish(runId: runId, outcome: outcome, parameters: kept)
                } catch {
                    return abandon(runId: runId, failure: StoreWriteFailure(error, runId: runId, path: writer.path))
                }
                FaultPoint.hit("after-trial-commit-before-print")
            }
            return .trained(runId: runId, status: status, result: summary)
        } catch {
            let message = "\(error)"
            if let writer, let runId {
                let seconds = Self.seconds(clock.now - start)
                _ = try? writer.perform { try $0.finishRun(runId: runId, outcome: RunOutcome(status: .failed, error: message, durationSeconds: seconds)) }
            }
            return .failed(runId: runId, message: message)
        }
    }

    /// Ends a trial whose write failed: marks its run interrupted with the reason when the
    /// run is still this process's (a full disk may refuse that too), and writes nothing
    /// to a run that was reclaimed or deleted.
    private func abandon(runId: Int64?, failure: StoreWriteFailure) -> Outcome {
        if let writer, let runId, failure.kind.mayRecordOutcome {
            let reason = "store write failed: \(failure.kind.rawValue)"
            _ = try? writer.perform { try $0.markInterrupted(runIds: [runId], reason: reason) }
        }
        return .storeFailed(runId: runId, failure: failure)
    }

    /// The store status of a training result.
    public static func status(of result: TrainingResult) -> RunStatus {
        switch result.status {
        case .completed: return .completed
        case .diverged: return .diverged
        case .stopped: return .interrupted
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
