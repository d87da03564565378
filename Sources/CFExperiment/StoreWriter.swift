import CFCore
import CFStore
import CFTraining
import Foundation

/// The one writer to the run store: every write of a `cflab run` process goes through
/// its serial queue, whichever trial thread asks.
///
/// Epochs and heartbeats are queued without waiting, so training never blocks on the
/// disk; claims, finishes and interrupts wait for their write (and so for every write
/// queued before them). A queued write that fails is kept and reported by `failures`.
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

    /// Messages of queued writes that failed, in order.
    public var failures: [String] { errors.current }

    /// Runs `body` on the writer queue and waits for its result.
    public func perform<Result>(_ body: @Sendable (RunStore) throws -> Result) throws -> Result {
        try queue.sync { try timed { try body(store) } }
    }

    /// Records one finished epoch in its own transaction, without waiting.
    public func appendEpoch(runId: Int64, report: EpochReport) {
        let trace = Self.trace(report.trace)
        let epoch = report.epoch, metrics = report.metrics
        queue.async { [self] in
            do {
                try timed { try store.appendEpoch(runId: runId, epoch: epoch, metrics: metrics, stepTrace: trace) }
            } catch {
                errors.withLock { $0.append("run \(runId) epoch \(epoch): \(error)") }
            }
        }
    }

    /// Stores the kept parameters, then the run's outcome, in order after its epochs,
    /// without waiting: the trial thread goes on to the next trial. `flush` waits for it.
    public func finish(runId: Int64, outcome: RunOutcome, parameters: [(ParameterSet, [ParameterTensor])]) {
        let kept = parameters.map { KeptSet(which: $0.0, tensors: $0.1) }
        queue.async { [self] in
            do {
                try timed {
                    for set in kept { try store.saveParameters(runId: runId, which: set.which, tensors: set.tensors) }
                    try store.finishRun(runId: runId, outcome: outcome)
                }
            } catch {
                errors.withLock { $0.append("run \(runId) outcome: \(error)") }
            }
        }
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
