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

    /// Whether the run ended with a result that a rerun would only repeat.
    public var isFinished: Bool { self == .completed || self == .diverged }

    /// Whether a process may still be writing to the run.
    public var isActive: Bool { self == .pending || self == .running }
}
