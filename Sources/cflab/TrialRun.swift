import CFStore
import CFTraining
import Foundation

/// One trial of a sweep: claims it in the store, trains it, and records every epoch and
/// the outcome through the store writer.
struct TrialRun {
    /// What became of a trial in this process.
    enum Outcome: Sendable {
        case trained(runId: Int64?, status: RunStatus, result: TrialSummary)
        case skipped(ClaimResult)
        case failed(runId: Int64?, message: String)
    }

    let experiment: PreparedExperiment
    let writer: StoreWriter?
    let policy: ClaimPolicy
    let interrupt: InterruptSignal
    let inFlight: LockedValue<Set<Int64>>

    /// Claims and trains the trial; `onEpoch` sees every epoch as it ends.
    func execute(
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
                return .failed(runId: nil, message: "cannot claim the trial: \(error)")
            }
        }
        onStart(runId)
        return train(runId: runId, onEpoch: onEpoch, onProgress: onProgress)
    }

    /// Trains the trial as `runId` (nil: not recorded) and records its outcome.
    func train(runId: Int64?, onEpoch: (EpochReport) -> Void, onProgress: ((Int, Int, Int) -> Void)? = nil) -> Outcome {
        if let runId { inFlight.withLock { _ = $0.insert(runId) } }
        defer { if let runId { inFlight.withLock { _ = $0.remove(runId) } } }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let trainer = try experiment.trainer()
            trainer.onProgress = onProgress
            let result = try trainer.run { report in
                if let runId { writer?.appendEpoch(runId: runId, report: report) }
                onEpoch(report)
                return interrupt.isRequested ? .stop : .continue
            }
            let seconds = Self.seconds(clock.now - start)
            let status = Self.status(of: result)
            let summary = TrialSummary(result: result, seconds: seconds)
            if let writer, let runId {
                let outcome = RunOutcome(
                    status: status, error: status == .interrupted ? "interrupted by \(interrupt.signalName.current)" : nil,
                    bestEpoch: result.bestEpoch, bestMetrics: result.bestMetrics, finalMetrics: result.finalMetrics,
                    testMetrics: result.testMetrics, durationSeconds: seconds
                )
                let kept = status == .interrupted ? [] : KeptParameters.tensors(of: result, keep: experiment.config.training.keep)
                writer.finish(runId: runId, outcome: outcome, parameters: kept)
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

    static func status(of result: TrainingResult) -> RunStatus {
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

/// The parts of a `TrainingResult` that outlive its trial thread (the model does not).
struct TrialSummary: Sendable {
    let status: TrainingResult.Status
    let earlyStopped: Bool
    let bestEpoch: Int?
    let bestMetrics: [String: Double]
    let finalMetrics: [String: Double]
    let testMetrics: [String: Double]?
    let epochs: [EpochReport]
    let seconds: Double

    init(result: TrainingResult, seconds: Double) {
        status = result.status
        earlyStopped = result.earlyStopped
        bestEpoch = result.bestEpoch
        bestMetrics = result.bestMetrics
        finalMetrics = result.finalMetrics
        testMetrics = result.testMetrics
        epochs = result.epochs
        self.seconds = seconds
    }
}
