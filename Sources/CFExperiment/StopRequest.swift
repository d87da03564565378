/// A request to stop training at the next epoch boundary, shared by every trial thread.
///
/// Whatever asks to stop (a signal handler in the CLI, a scheduler, a test) calls
/// `request(reason:signal:)`; trials check `isRequested` after every epoch and record the
/// reason with the interrupted run.
public final class StopRequest: Sendable {
    private let state = LockedValue<(count: Int, reason: String, signal: Int32?)>((0, "interrupted", nil))

    public init() {}

    /// Whether a stop has been requested.
    public var isRequested: Bool { state.current.count > 0 }

    /// The first request's reason, for the runs' error column ("interrupted by SIGTERM").
    public var reason: String { state.current.reason }

    /// The signal of the first request, when a signal asked for it.
    public var signal: Int32? { state.current.signal }

    /// Records a request and returns how many have arrived (1 for the first).
    @discardableResult
    public func request(reason: String, signal: Int32? = nil) -> Int {
        state.withLock { value -> Int in
            if value.count == 0 {
                value.reason = reason
                value.signal = signal
            }
            value.count += 1
            return value.count
        }
    }
}
