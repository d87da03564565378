import CFConfig
import CFStore
import Foundation

/// The rung barrier of a pruned sweep (`sweep.early_terminate`): where a trial waits at
/// each rung until the trials it competes with have reached that rung or ended, and
/// learns whether it goes on.
///
/// Every decision is a function of the curves alone, never of timing: a trial's value at
/// rung r is the best of its metric over epochs 1…r (`EarlyTermination.rungValue`), its
/// competitors are every trial (successive halving) or the trials before it in trial
/// order (asha), and a trial that ended before r does not compete. So `--jobs`, the
/// order in which trials finish, and a kill and resume (which retrains an interrupted
/// trial up to its rung) give the same decisions. Curves of this process's trials come
/// from their epoch reports; those of trials finished before, or trained by another
/// process sharing the store, come from the store's epochs, re-read while waiting.
/// Each decision is written to the store's `rungs` table.
///
/// A waiting trial gives back its job slot (`pause`), so that other trials can reach the
/// rung, and takes one again before it trains on (`resume`).
public final class RungBoard: @unchecked Sendable {
    /// What a trial does after an epoch.
    public enum Decision: Equatable, Sendable {
        case `continue`
        /// Stop as `pruned`, with the reason for `runs.error`.
        case prune(String)
        /// Stop as `interrupted`: a competitor will never reach the rung in this run.
        case abandon(String)
    }

    /// One trial's curve as the board knows it.
    struct Curve {
        var trialKey: String
        var epochs: Int
        var values: [Double] = []
        var ended = false
        /// Trained by another process: re-read from the store while waiting.
        var external = false
        var runId: Int64?
    }

    public let rule: EarlyTermination
    public let sweep: String
    let writer: StoreWriter?
    let staleAfter: Double
    let stop: StopRequest
    private let condition = NSCondition()
    private var curves: [Curve] = []
    private var halted = false

    public init(rule: EarlyTermination, sweep: String, writer: StoreWriter?, staleAfter: Double, stop: StopRequest) {
        self.rule = rule
        self.sweep = sweep
        self.writer = writer
        self.staleAfter = staleAfter
        self.stop = stop
    }

    /// Adds trials, in trial order, after those already on the board.
    public func add(_ experiments: [PreparedExperiment]) {
        locked {
            curves += experiments.map { Curve(trialKey: $0.trialKey, epochs: $0.config.training.epochs) }
        }
    }

    /// Trial `index` was claimed as `runId` and starts training from epoch 1.
    public func started(index: Int, runId: Int64?) {
        locked {
            curves[index].values = []
            curves[index].runId = runId
        }
    }

    /// Trial `index` was not trained here: its curve is the store's (finished before), or
    /// is followed there (`busy`: another process trains it).
    public func skipped(index: Int, claim: ClaimResult) {
        let key = locked { curves[index].trialKey }
        let stored = try? writer?.store.currentTrialRun(sweep: sweep, trialKey: key)
        locked {
            curves[index].runId = claim.runId
            if let stored { curves[index].values = stored.epochs.map { $0.metrics[rule.metric] ?? .nan } }
            if case .busy = claim { curves[index].external = true } else { curves[index].ended = true }
            condition.broadcast()
        }
    }

    /// Trial `index` will report no more epochs here.
    public func ended(index: Int) {
        locked {
            curves[index].ended = true
            condition.broadcast()
        }
    }

    /// Wakes every waiting trial to stop (the sweep stops taking trials).
    public func halt() {
        locked {
            halted = true
            condition.broadcast()
        }
    }

    /// Records epoch `epoch` of trial `index`; at one of its rungs, waits for its
    /// competitors and returns whether it goes on. Throws when the store refuses the
    /// decision's row (the trial then stops as any failed store write stops it).
    public func afterEpoch(index: Int, epoch: Int, metrics: [String: Double],
                           pause: () -> Void, resume: () -> Void) throws -> Decision {
        condition.lock()
        curves[index].values.append(metrics[rule.metric] ?? .nan)
        condition.broadcast()
        let rungs = rule.rungs(epochs: curves[index].epochs)
        guard let rung = rungs.firstIndex(of: epoch) else {
            condition.unlock()
            return .continue
        }
        var paused = false
        var decision: Decision?
        var record: RungDecision?
        while decision == nil {
            if halted || stop.isRequested {
                decision = .abandon(stop.isRequested ? stop.reason : "the sweep stopped taking trials")
                break
            }
            switch standing(of: index, at: epoch) {
            case let .decided(entries, value):
                let verdict = rule.verdict(for: index, among: entries)
                record = RungDecision(sweep: sweep, trialKey: curves[index].trialKey, rung: rung, epoch: epoch, value: value,
                                      promoted: verdict.promoted, rank: verdict.rank, competitors: verdict.competitors,
                                      runId: curves[index].runId)
                decision = verdict.promoted ? .continue : .prune(
                    "pruned at epoch \(epoch): rung \(rung + 1) of \(rule.kind.rawValue) on \(rule.metric), "
                        + "ranked \(verdict.rank) of \(verdict.competitors), the best \(verdict.kept) went on")
            case let .waiting(external):
                condition.unlock()
                if !paused {
                    pause()
                    paused = true
                }
                let gone = external.isEmpty ? nil : refresh(external)
                condition.lock()
                if let gone {
                    decision = .abandon("rung \(rung + 1) waits for \(gone), which will not reach it; run the sweep again")
                    break
                }
                _ = condition.wait(until: Date().addingTimeInterval(external.isEmpty ? 1 : 0.25))
            }
        }
        condition.unlock()
        if paused { resume() }
        if let record, let writer {
            try writer.perform { try $0.recordRungDecision(record) }
        }
        return decision ?? .continue
    }

    private enum Standing {
        /// Every competitor is known: those at the rung, and trial's own value.
        case decided([RungEntry], Double)
        /// Some are not there yet; `external` lists those another process trains.
        case waiting(external: [Int])
    }

    /// Trial `index`'s competitors at rung epoch `epoch` (called with the lock held).
    private func standing(of index: Int, at epoch: Int) -> Standing {
        var entries: [RungEntry] = []
        var pending = false
        var external: [Int] = []
        for (other, curve) in curves.enumerated() where rule.competes(other, with: index) {
            if let value = EarlyTermination.rungValue(curve.values, epoch: epoch) {
                entries.append(RungEntry(trial: other, value: value))
            } else if !curve.ended {
                pending = true
                if curve.external { external.append(other) }
            }
        }
        guard !pending else { return .waiting(external: external) }
        return .decided(entries, EarlyTermination.rungValue(curves[index].values, epoch: epoch) ?? .nan)
    }

    /// Re-reads the curves of trials another process trains; returns a description of
    /// one whose process is gone (it will not reach the rung in this run), if any.
    private func refresh(_ indexes: [Int]) -> String? {
        guard let store = writer?.store else { return "trial \(indexes[0])" }
        let keys = locked { indexes.map { curves[$0].trialKey } }
        for (index, key) in zip(indexes, keys) {
            guard let stored = try? store.currentTrialRun(sweep: sweep, trialKey: key) else { continue }
            let values = stored.epochs.map { $0.metrics[rule.metric] ?? .nan }
            let status = stored.run.status
            let live = TrialOwner(stored.run)?.isLive(staleAfter: staleAfter) ?? false
            locked {
                curves[index].values = values
                curves[index].runId = stored.run.id
                if !status.isActive && status != .interrupted { curves[index].ended = true }
            }
            if status == .interrupted || (status.isActive && !live) {
                return "trial \(index) (run \(stored.run.id), \(status == .interrupted ? "interrupted" : "its process is silent"))"
            }
        }
        return nil
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
