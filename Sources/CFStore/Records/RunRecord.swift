/// One row of `runs`: what was known before training, how it ended, and its life cycle.
///
/// A record composes the write-side values instead of repeating their fields: `run` is
/// the `NewRun` that `startRun` or `claimTrial` received, `outcome` the `RunOutcome` so
/// far, `lifecycle` the store's own timestamps and owner. Each of their fields reads
/// directly on the record (`record.name`, `record.status`, `record.heartbeatAt`).
///
/// Where the stored row and the write-side types differ:
/// - `run.tags` holds the run's *current* tags from `run_tags` (sorted), not the tags it
///   started with: `tagRun` and `untagRun` change them, and the start tags are not kept.
/// - `run.seed` is never NULL for a run cflab wrote (every insert takes `NewRun.seed`);
///   a row whose `seed` is NULL does not decode (`StoreError.corruptRecord`).
/// - `outcome.bestMetrics` and `outcome.finalMetrics` are empty while a run is pending or
///   running, and for a run that was interrupted: their columns are NULL until
///   `finishRun`. Empty means "no metrics recorded", as it does for a run that finished
///   before its first epoch. `outcome.testMetrics` stays nil without a test part.
/// - `outcome.status` may be `pending` or `running`, which `finishRun` never writes.
/// - `outcome.durationSeconds` is the stored wall time (nil until the run ends).
@dynamicMemberLookup
public struct RunRecord: Equatable, Sendable {
    public var id: Int64
    /// The sweep name, or "" for a run outside any sweep.
    public var sweep: String
    public var trialKey: String?
    /// 1 for the first run of a trial, then 2, 3... for retries and reruns.
    public var attempt: Int
    /// Config, seeds, data, split and build, as the run was started (tags: current ones).
    public var run: NewRun
    /// Status, error, best/final/test metrics and duration (see the notes above).
    public var outcome: RunOutcome
    /// Timestamps, heartbeat and the claiming process.
    public var lifecycle: RunLifecycle
    /// Whether `trial_claims` points at this run (false for superseded attempts and unclaimed runs).
    public var isCurrent: Bool

    /// A field of `run`: `record.config`, `record.seed`, `record.tags`...
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<NewRun, Value>) -> Value {
        get { run[keyPath: keyPath] }
        set { run[keyPath: keyPath] = newValue }
    }

    /// A field of `outcome`: `record.status`, `record.bestMetrics`...
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<RunOutcome, Value>) -> Value {
        get { outcome[keyPath: keyPath] }
        set { outcome[keyPath: keyPath] = newValue }
    }

    /// A field of `lifecycle`: `record.startedAt`, `record.host`...
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<RunLifecycle, Value>) -> Value {
        get { lifecycle[keyPath: keyPath] }
        set { lifecycle[keyPath: keyPath] = newValue }
    }
}
