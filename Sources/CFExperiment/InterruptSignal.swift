import Foundation

/// SIGINT (Ctrl-C), SIGTERM and SIGHUP, turned into a `StopRequest` that trial threads
/// check at every epoch boundary.
///
/// The first signal only requests the stop (and calls `onFirstSignal` with its name, for
/// a message): running trials stop after their current epoch and are recorded as
/// interrupted; a trial past its last epoch still completes. A second signal calls
/// `onSecondSignal` (which marks the runs in flight and exits at once). The process then
/// exits with `exitCode`: 128 + the first signal's number (130, 143, 129), as a shell
/// reports a process those signals ended. A worker or a server installs it the same way
/// as `cflab run`.
public final class InterruptSignal: Sendable {
    /// The signals handled, with their names.
    public static let handled: [(number: Int32, name: String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")]

    public let stop = StopRequest()
    private let sources: LockedValue<[DispatchSourceSignal]> = LockedValue([])
    private let queue = DispatchQueue(label: "cflab.signals")

    public init() {}

    /// Whether a signal has arrived.
    public var isRequested: Bool { stop.isRequested }

    /// The first signal that arrived, if any.
    public var firstSignal: Int32? { stop.signal }

    /// 128 + the first signal's number, or nil when none arrived.
    public var exitCode: Int32? { stop.signal.map { 128 + $0 } }

    /// Starts listening for SIGINT, SIGTERM and SIGHUP instead of dying on them.
    public func install(
        onFirstSignal: @escaping @Sendable (String) -> Void, onSecondSignal: @escaping @Sendable () -> Void
    ) {
        Self.ignoreFileSizeLimit()
        for (number, name) in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [stop] in
                if stop.request(reason: "interrupted by \(name)", signal: number) == 1 {
                    onFirstSignal(name)
                } else {
                    onSecondSignal()
                }
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }

    /// Ignores SIGXFSZ, which a write past `ulimit -f` raises and which would kill the
    /// process without a word: ignored, the write fails with EFBIG, and the store write
    /// that met it is reported (one line) like any other failed write.
    public static func ignoreFileSizeLimit() {
        signal(SIGXFSZ, SIG_IGN)
    }
}
