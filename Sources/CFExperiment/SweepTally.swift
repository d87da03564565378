import CFStore

/// How many trials of a `cflab run` were trained, skipped or failed.
public struct SweepTally {
    public var trained = 0
    public var diverged = 0
    public var interrupted = 0
    public var completedBefore = 0
    public var failedBefore = 0
    public var busy = 0
    public var failed = 0
    public var notStarted = 0

    public init(_ outcomes: [TrialRun.Outcome?]) {
        for outcome in outcomes {
            switch outcome {
            case nil: notStarted += 1
            case let .trained(_, status, _):
                trained += 1
                if status == .diverged { diverged += 1 }
                if status == .interrupted { interrupted += 1 }
            case .skipped(.skippedCompleted): completedBefore += 1
            case .skipped(.skippedFailed): failedBefore += 1
            case .skipped: busy += 1
            case .failed: failed += 1
            }
        }
    }

    /// "sweep-small: 36 trials: 12 trained, 24 already done".
    public func line(name: String, trials: Int) -> String {
        var parts = ["\(trained) trained"]
        if diverged > 0 { parts.append("\(diverged) of them diverged") }
        if interrupted > 0 { parts.append("\(interrupted) of them interrupted") }
        if completedBefore > 0 { parts.append("\(completedBefore) already done") }
        if failedBefore > 0 { parts.append("\(failedBefore) failed before (--retry-failed)") }
        if busy > 0 { parts.append("\(busy) running in another process") }
        if failed > 0 { parts.append("\(failed) failed") }
        if notStarted > 0 { parts.append("\(notStarted) not started") }
        return "\(name): \(trials) trials: " + parts.joined(separator: ", ")
    }
}
