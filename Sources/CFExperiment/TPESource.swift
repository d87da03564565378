import CFConfig
import CFCore
import CFStore
import Foundation

/// The batches of a `method: tpe` sweep after its first: each proposed by
/// `TPEProposals` from the results of every trial before it.
///
/// A point's loss is the mean over its seeds of the objective at each trial's best
/// epoch; a diverged trial counts +∞, a pruned one its best so far and the epoch it
/// reached, and a point with a failed trial is left out. With a store every result is
/// read back from it (the same text a resumed sweep reads), so a sweep that is killed and
/// run again proposes the same points; a trial another process trains is waited for.
public final class TPESource: TrialSource, @unchecked Sendable {
    let proposals: TPEProposals
    let writer: StoreWriter?
    let staleAfter: Double
    let stop: StopRequest
    private var expansion: SweepExpansion
    private var preparer: ExperimentPreparer
    private var batch = 1
    /// How many of the preparer's splits the store already holds (`register` saved the first).
    private var savedSplits: Int
    /// The runner's index of each trial of `expansion`.
    private var runnerIndex: [Int]
    /// Each point's observation once all its trials have ended: it never changes after,
    /// so later batches read it here instead of from the store again.
    private var observed: [Int: TPEObservation] = [:]

    /// - Parameter expansion: the sweep with its first batch added, whose trials are the
    ///   runner's first trials (anything the runner holds after them, such as baselines,
    ///   is not a point of the sweep).
    public init(expansion: SweepExpansion, preparer: ExperimentPreparer, writer: StoreWriter?,
                staleAfter: Double = ClaimPolicy.defaultStaleAfter, stop: StopRequest) {
        proposals = TPEProposals(sweep: expansion.sweep)
        self.expansion = expansion
        self.preparer = preparer
        self.writer = writer
        self.staleAfter = staleAfter
        self.stop = stop
        runnerIndex = Array(expansion.trials.indices)
        savedSplits = preparer.loadedSplits.count
    }

    public func nextBatch(after outcomes: [TrialRun.Outcome?]) throws -> SweepBatch? {
        guard batch < proposals.batchCount else { return nil }
        let before = proposals.pointRange(batch: batch).lowerBound
        let history = try (0..<before).compactMap { point in
            if let known = observed[point] { return known }
            let observation = try observation(point: point, outcomes: outcomes)
            observed[point] = observation
            return observation
        }
        let points = proposals.points(batch: batch, history: history)
        batch += 1
        let known = expansion.trials.count
        try expansion.add(points)
        let added = Array(expansion.trials[known...])
        runnerIndex += added.indices.map { outcomes.count + $0 }
        let experiments = try added.map { try preparer.prepare($0.config) }
        if let writer, preparer.loadedSplits.count > savedSplits {
            try writer.saveSplits(of: preparer)
            savedSplits = preparer.loadedSplits.count
        }
        return SweepBatch(trials: added, experiments: experiments)
    }

    /// The observation of point `point`, nil when one of its trials has no result.
    private func observation(point: Int, outcomes: [TrialRun.Outcome?]) throws -> TPEObservation? {
        let metric = proposals.sweep.tpe.metric
        var losses: [Double] = []
        var prunedAt: Int?
        for trial in expansion.pointTrials[point] {
            guard let result = try result(of: outcomes[runnerIndex[trial]], trial: trial) else { return nil }
            switch result.status {
            case .completed, .superseded: losses.append(result.metrics[metric] ?? .infinity)
            case .diverged: losses.append(.infinity)
            case .pruned:
                losses.append(result.metrics[metric] ?? .infinity)
                prunedAt = min(prunedAt ?? .max, result.epochs)
            default: return nil
            }
        }
        guard !losses.isEmpty else { return nil }
        let values = expansion.trials[expansion.pointTrials[point][0]].assignment.map(\.value)
        return TPEObservation(values: values, loss: losses.reduce(0, +) / Double(losses.count), prunedAt: prunedAt)
    }

    /// How a trial ended: status, best-epoch metrics, epochs trained.
    private struct TrialResult {
        var status: RunStatus
        var metrics: [String: Double]
        var epochs: Int
    }

    private func result(of outcome: TrialRun.Outcome?, trial: Int) throws -> TrialResult? {
        switch outcome {
        case let .trained(runId, status, summary)?:
            if let runId, let store = writer?.store { return try stored(runId: runId, in: store) }
            return TrialResult(status: status, metrics: summary.bestMetrics, epochs: summary.epochs.count)
        case let .skipped(.skippedCompleted(runId))?:
            guard let store = writer?.store else { return nil }
            return try stored(runId: runId, in: store)
        case .skipped(.busy)?:
            return try awaitTrial(trial)
        default:
            return nil
        }
    }

    private func stored(runId: Int64, in store: RunStore) throws -> TrialResult {
        let record = try store.run(id: runId)
        return TrialResult(status: record.status, metrics: record.bestMetrics, epochs: try store.epochs(runId: runId).count)
    }

    /// Waits for a trial another process trains to end, polling the store.
    private func awaitTrial(_ trial: Int) throws -> TrialResult? {
        guard let store = writer?.store else { return nil }
        let sweep = expansion.file.config.name
        let key = try preparer.prepare(expansion.trials[trial].config).trialKey
        while !stop.isRequested {
            guard let current = try store.currentTrialRun(sweep: sweep, trialKey: key) else { return nil }
            if current.run.status.isFinished || current.run.status == .failed {
                return TrialResult(status: current.run.status, metrics: current.run.bestMetrics, epochs: current.epochs.count)
            }
            guard TrialOwner(current.run)?.isLive(staleAfter: staleAfter) ?? false else {
                throw TPEError.trialAbandoned(trial: trial, runId: current.run.id)
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        return nil
    }
}

/// Why a `tpe` sweep could not propose its next batch.
public enum TPEError: Error, CustomStringConvertible {
    case trialAbandoned(trial: Int, runId: Int64)

    public var description: String {
        switch self {
        case let .trialAbandoned(trial, runId):
            return "tpe: the next batch needs trial \(trial) (run \(runId)), whose process stopped; run the sweep again"
        }
    }
}
