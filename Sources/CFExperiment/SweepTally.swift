import CFStore

/// How many trials of a `cflab run` were trained, skipped or failed.
public struct SweepTally {
    public var trained = 0
    public var diverged = 0
    public var interrupted = 0
    /// Trained here and stopped at a rung of the sweep's `early_terminate` rule.
    public var pruned = 0
    public var completedBefore = 0
    public var failedBefore = 0
    public var busy = 0
    public var failed = 0
    public var notStarted = 0
    /// The store failures among `failed`, in plan order.
    public var storeFailures: [StoreWriteFailure] = []
    /// The runs another process held when this one tried to claim them (`busy`).
    public var busyRunIds: [Int64] = []

    public init(_ outcomes: [TrialRun.Outcome?]) {
        for outcome in outcomes {
            switch outcome {
            case nil: notStarted += 1
            case let .trained(_, status, _):
                trained += 1
                if status == .diverged { diverged += 1 }
                if status == .interrupted { interrupted += 1 }
                if status == .pruned { pruned += 1 }
            case .skipped(.skippedCompleted): completedBefore += 1
            case .skipped(.skippedFailed): failedBefore += 1
            case let .skipped(claim):
                busy += 1
                busyRunIds.append(claim.runId)
            case .failed: failed += 1
            case let .storeFailed(_, failure):
                failed += 1
                storeFailures.append(failure)
            }
        }
    }

    /// "sweep-small: 36 trials: 12 trained, 24 already done"; `owners` names the live
    /// processes of the busy trials ("1234@host"), `silent` those that no longer run.
    public func line(name: String, trials: Int, owners: [String] = [], silent: [String] = []) -> String {
        var parts = ["\(trained) trained"]
        if diverged > 0 { parts.append("\(diverged) of them diverged") }
        if interrupted > 0 { parts.append("\(interrupted) of them interrupted") }
        if pruned > 0 { parts.append("\(pruned) of them pruned") }
        if completedBefore > 0 { parts.append("\(completedBefore) already done") }
        if failedBefore > 0 { parts.append("\(failedBefore) failed before (--retry-failed)") }
        if busy - silent.count > 0 {
            let names = Array(Set(owners)).sorted()
            parts.append("\(busy - silent.count) running in another process" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"))
        }
        if !silent.isEmpty {
            parts.append("\(silent.count) held by a process that no longer runs (\(Array(Set(silent)).sorted().joined(separator: ", ")))")
        }
        if failed > 0 { parts.append("\(failed) failed") }
        if notStarted > 0 { parts.append("\(notStarted) not started") }
        return "\(name): \(trials) trials: " + parts.joined(separator: ", ")
    }
}
