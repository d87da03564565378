/// The life cycle of a run, as stored in `runs.status`.
public enum RunStatus: String, CaseIterable, Codable, Sendable {
    /// Recorded but not yet started.
    case pending
    /// Being trained by a live process (its heartbeat is fresh).
    case running
    /// Trained to the end (early stopping included).
    case completed
    /// Stopped by an error, recorded in `runs.error`.
    case failed
    /// A loss or metric became NaN or infinite: a result of the configuration, not an error.
    case diverged
    /// Stopped by Ctrl-C, a kill, or a heartbeat that went stale.
    case interrupted
    /// Trained to the end, but another attempt of the same trial is the one that counts
    /// (a sweep trial has at most one `completed` attempt); `runs.error` says which.
    case superseded
    /// Stopped at a rung by the sweep's `early_terminate` rule, its curve behind the
    /// others'; its epochs and metrics so far are kept, and `runs.error` says at which rung.
    case pruned

    /// Whether the run ended with a result that a rerun would only repeat.
    public var isFinished: Bool { self == .completed || self == .diverged || self == .pruned }

    /// Whether a process may still be writing to the run.
    public var isActive: Bool { self == .pending || self == .running }
}
