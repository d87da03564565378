import CFCore
import CFStore
import CFTraining
import Foundation

/// The one writer to the run store: every write of a `cflab run` process goes through
/// its serial queue, whichever trial thread asks.
///
/// Epochs and finishes wait for their commit, so that what a caller prints after them is
/// on disk: a SIGKILL right after the line loses nothing of it. Their failures come back
/// as `StoreWriteFailure`, and the trial stops. Only heartbeats are queued without
/// waiting; one that fails is kept and reported by `heartbeatFailures`.
public final class StoreWriter: Sendable {
    public let store: RunStore
    private let queue = DispatchQueue(label: "cflab.store-writer")
    private let errors = LockedValue<[String]>([])
    private let busy = LockedValue<(writes: Int, seconds: Double)>((0, 0))

    public init(store: RunStore) {
        self.store = store
    }

    /// The store's path, for messages.
    public var path: String { store.path }

    /// How many writes ran and the wall time the writer spent in them (its cost to a run).
    public var workDone: (writes: Int, seconds: Double) { busy.current }

    /// Messages of heartbeats that failed, in order.
    public var heartbeatFailures: [String] { errors.current }

    /// Runs `body` on the writer queue, timing it.
    private func timed<Result>(_ body: () throws -> Result) rethrows -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            busy.withLock { $0 = ($0.writes + 1, $0.seconds + seconds) }
        }
        return try body()
    }

    /// Runs `body` on the writer queue and waits for its result.
    public func perform<Result>(_ body: @Sendable (RunStore) throws -> Result) throws -> Result {
        try queue.sync { try timed { try body(store) } }
    }

    /// Records one finished epoch in its own transaction and returns once it is committed.
    ///
    /// Throws `StoreWriteFailure`: `.reclaimed` when another process has taken the run
    /// over, `.runDeleted` when the run is gone, or what the store said.
    public func appendEpoch(runId: Int64, report: EpochReport) throws {
        let trace = Self.trace(report.trace)
        let epoch = report.epoch, metrics = report.metrics
        try write(runId: runId) { store in
            try store.appendEpoch(runId: runId, epoch: epoch, metrics: metrics, stepTrace: trace)
        }
    }

    /// Stores the kept parameters, then the run's outcome, and returns once both are
    /// committed. Throws `StoreWriteFailure` as `appendEpoch` does.
    public func finish(runId: Int64, outcome: RunOutcome, parameters: [(ParameterSet, [ParameterTensor])]) throws {
        let kept = parameters.map { KeptSet(which: $0.0, tensors: $0.1) }
        try write(runId: runId) { store in
            for set in kept { try store.saveParameters(runId: runId, which: set.which, tensors: set.tensors) }
            try store.finishRun(runId: runId, outcome: outcome)
        }
    }

    /// Runs one write of `runId` and waits, any error turned into a `StoreWriteFailure`.
    ///
    /// CFStore checks the owner inside each write's transaction (`runReclaimed`); only
    /// then, on the failure path, is the run read again to say who holds the trial now.
    private func write(runId: Int64?, _ body: @Sendable (RunStore) throws -> Void) throws {
        do {
            try perform(body)
        } catch let StoreError.runReclaimed(reclaimed, status, _) {
            throw StoreWriteFailure(kind: .reclaimed, runId: reclaimed, path: store.path, detail: reclaimDetail(reclaimed, status: status))
        } catch {
            throw StoreWriteFailure(error, runId: runId, path: store.path)
        }
    }

    /// "reclaimed by another process (now interrupted: heartbeat stale; reclaimed); the
    /// trial is now run 2 of 1234@host", from one read of the store.
    private func reclaimDetail(_ runId: Int64, status: RunStatus) -> String {
        guard let record = try? store.run(id: runId) else { return "reclaimed by another process (now \(status.rawValue))" }
        var detail = "reclaimed by another process (now \(record.status.rawValue)"
        if let error = record.error { detail += ": \(error)" }
        detail += ")"
        if let key = record.trialKey,
           let current = try? store.runs(matching: RunQuery(sweep: record.sweep, currentOnly: true)).first(where: { $0.trialKey == key }),
           current.id != runId {
            detail += "; the trial is now run \(current.id)" + (TrialOwner(current).map { " of \($0.name)" } ?? "")
        }
        return detail
    }

    /// One kept parameter set, carried to the writer queue.
    private struct KeptSet: Sendable {
        let which: ParameterSet
        let tensors: [ParameterTensor]
    }

    /// Refreshes the heartbeat of the runs in flight, without waiting.
    public func heartbeat(runIds: [Int64]) {
        guard !runIds.isEmpty else { return }
        queue.async { [self] in
            do { try timed { try store.heartbeat(runIds: runIds) } } catch { errors.withLock { $0.append("heartbeat: \(error)") } }
        }
    }

    /// Waits until every queued write is done.
    public func flush() {
        queue.sync {}
    }

    /// The step trace as column arrays (`step`, `lr`, `beta1`, `loss`), or nil when empty.
    public static func trace(_ points: [EpochReport.TracePoint]) -> JSONValue? {
        guard !points.isEmpty else { return nil }
        return .object([
            ("step", .array(points.map { .int(Int64($0.step)) })),
            ("lr", .array(points.map { .double($0.learningRate) })),
            ("beta1", .array(points.map { .double($0.beta1) })),
            ("loss", .array(points.map { .double($0.loss) })),
        ])
    }
}
