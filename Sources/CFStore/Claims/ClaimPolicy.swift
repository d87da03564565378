/// What `claimTrial` may take over when the trial already has a run.
public struct ClaimPolicy: Sendable {
    /// Start a new attempt even when the trial completed (`--rerun`).
    public var rerun: Bool
    /// Start a new attempt when the trial failed (`--retry-failed`).
    public var retryFailed: Bool
    /// Seconds without a heartbeat after which a running trial counts as interrupted.
    public var staleAfter: Double

    /// The default limit for a stale heartbeat, in seconds.
    public static let defaultStaleAfter: Double = 30

    public init(rerun: Bool = false, retryFailed: Bool = false, staleAfter: Double = ClaimPolicy.defaultStaleAfter) {
        self.rerun = rerun
        self.retryFailed = retryFailed
        self.staleAfter = staleAfter
    }
}

/// The answer of `claimTrial`.
public enum ClaimResult: Equatable, Sendable {
    /// This process owns the trial now, as a new `running` run.
    case claimed(runId: Int64)
    /// The trial already completed (or diverged, a result too) as this run.
    case skippedCompleted(runId: Int64)
    /// The trial failed as this run, and the policy does not retry failures.
    case skippedFailed(runId: Int64)
    /// Another live process is running the trial as this run.
    case busy(runId: Int64)

    /// The run the answer is about.
    public var runId: Int64 {
        switch self {
        case let .claimed(id), let .skippedCompleted(id), let .skippedFailed(id), let .busy(id): return id
        }
    }
}
