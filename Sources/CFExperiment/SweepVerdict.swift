import CFStore
import Foundation

/// Whether a `cflab run` did what it was asked, read from its trials' outcomes and, for
/// trials another process holds, from the store; and the exit code that says so.
///
/// A trial is *done* when it completed or diverged (here or before), or when a live
/// process is training it (a fresh heartbeat, and on this host a process that exists).
/// The exit code is 0 only when every trial is done. Otherwise: 128 + the signal's number
/// when a signal stopped the run (130 SIGINT, 143 SIGTERM, 129 SIGHUP); else 1, with
/// `reason` as the one line to print. A single run that diverged exits 3.
public struct SweepVerdict {
    public let tally: SweepTally
    public let trials: Int
    /// Trials that are done.
    public let done: Int
    /// `pid@host` of the live processes training trials of this sweep.
    public let liveOwners: [String]
    /// `pid@host` of processes that hold a trial but have gone silent.
    public let silentOwners: [String]
    /// The same, for the trials that were busy when this process tried to claim them.
    private let silentBusyOwners: [String]
    public let exitCode: Int32
    /// The one line explaining a non-zero exit (nil for 0 and for a signal).
    public let reason: String?

    /// - Parameters:
    ///   - signal: the first signal that asked the run to stop, if any.
    ///   - storeFailure: the failure of the whole store that stopped the sweep, if any.
    ///   - heartbeatFailures: heartbeats the store refused.
    ///   - ownerIsLive: whether the process holding a trial still trains it (nil: a
    ///     heartbeat fresher than `staleAfter` and, on this host, a process that exists).
    public init(
        outcomes: [TrialRun.Outcome?], store: RunStore?, staleAfter: Double, signal: Int32?,
        storeFailure: StoreWriteFailure?, heartbeatFailures: [String] = [], isSweep: Bool,
        ownerIsLive: ((TrialOwner) -> Bool)? = nil
    ) {
        let ownerIsLive = ownerIsLive ?? { $0.isLive(staleAfter: staleAfter) }
        tally = SweepTally(outcomes)
        trials = outcomes.count
        var done = 0, live: [String] = [], silent: [String] = [], silentBusy: [String] = []
        for outcome in outcomes {
            switch Self.state(of: outcome, store: store, ownerIsLive: ownerIsLive) {
            case .done: done += 1
            case let .live(owner):
                done += 1
                live.append(owner)
            case let .silent(owner):
                silent.append(owner ?? "unknown process")
                if case .skipped? = outcome { silentBusy.append(owner ?? "unknown process") }
            case .notDone: break
            }
        }
        silentBusyOwners = silentBusy
        self.done = done
        liveOwners = live
        silentOwners = silent
        let missing = outcomes.count - done
        if missing > 0, let signal {
            exitCode = 128 + signal
            reason = nil
        } else if let storeFailure {
            exitCode = 1
            reason = "error: \(missing) of \(outcomes.count) trials not done: \(storeFailure.kind.rawValue) (\(storeFailure.path ?? "the store"))"
        } else if missing > 0 {
            exitCode = 1
            reason = "error: \(missing) of \(outcomes.count) trials not done" + Self.causes(tally, silent: silent)
        } else if let first = heartbeatFailures.first {
            exitCode = 1
            reason = "error: the store refused \(heartbeatFailures.count) heartbeat\(heartbeatFailures.count == 1 ? "" : "s"): \(first)"
        } else if !isSweep, tally.diverged > 0 {
            exitCode = 3
            reason = nil
        } else {
            exitCode = 0
            reason = nil
        }
    }

    /// The summary line of a sweep, naming the processes that train its busy trials.
    public func line(name: String) -> String {
        tally.line(name: name, trials: trials, owners: liveOwners, silent: silentBusyOwners)
    }

    /// ": 1 failed, 2 held by silent processes (12@host)".
    private static func causes(_ tally: SweepTally, silent: [String]) -> String {
        var parts: [String] = []
        if tally.failed > 0 { parts.append("\(tally.failed) failed") }
        if tally.interrupted > 0 { parts.append("\(tally.interrupted) interrupted") }
        if tally.failedBefore > 0 { parts.append("\(tally.failedBefore) failed before (--retry-failed trains them again)") }
        if !silent.isEmpty {
            parts.append("\(silent.count) held by processes that no longer run (\(Array(Set(silent)).sorted().joined(separator: ", "))), "
                + "trained again once their heartbeat is older than --stale-after")
        }
        if tally.notStarted > 0 { parts.append("\(tally.notStarted) not started") }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
    }

    private enum TrialState {
        case done, live(String), silent(String?), notDone
    }

    private static func state(of outcome: TrialRun.Outcome?, store: RunStore?, ownerIsLive: (TrialOwner) -> Bool) -> TrialState {
        switch outcome {
        case nil, .failed?, .skipped(.skippedFailed)?:
            return .notDone
        case let .trained(_, status, _)?:
            return status.isFinished ? .done : .notDone
        case .skipped(.skippedCompleted)?:
            return .done
        case let .skipped(claim)?:
            return heldElsewhere(runId: claim.runId, store: store, ownerIsLive: ownerIsLive)
        case let .storeFailed(runId, failure)?:
            guard failure.kind == .reclaimed, let runId, let store,
                  let record = try? store.run(id: runId), let key = record.trialKey,
                  let current = try? store.runs(matching: RunQuery(sweep: record.sweep, currentOnly: true))
                      .first(where: { $0.trialKey == key }), current.id != runId
            else { return .notDone }
            return heldElsewhere(runId: current.id, store: store, ownerIsLive: ownerIsLive)
        }
    }

    /// The state of a trial whose current run `runId` belongs to another process.
    private static func heldElsewhere(runId: Int64, store: RunStore?, ownerIsLive: (TrialOwner) -> Bool) -> TrialState {
        guard let store, let record = try? store.run(id: runId) else { return .notDone }
        if record.status.isFinished { return .done }
        guard let owner = TrialOwner(record) else { return .silent(nil) }
        if ownerIsLive(owner) { return .live(owner.name) }
        // The owner may have finished the trial and exited between that read and this
        // check; what it wrote before it exited is in the store by now.
        if let again = try? store.run(id: runId), again.status.isFinished { return .done }
        return .silent(owner.name)
    }
}
