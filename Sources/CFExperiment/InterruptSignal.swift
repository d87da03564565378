import Foundation

/// Ctrl-C (SIGINT) and SIGTERM, turned into a `StopRequest` that trial threads check at
/// every epoch boundary.
///
/// The first signal only requests the stop (and calls `onFirstSignal` with its name, for
/// a message): running trials stop after their current epoch and are recorded as
/// interrupted. A second signal calls `onSecondSignal` (which marks the runs in flight and
/// exits at once). A worker or a server installs it the same way as `cflab run`.
public final class InterruptSignal: Sendable {
    public let stop = StopRequest()
    private let sources: LockedValue<[DispatchSourceSignal]> = LockedValue([])
    private let queue = DispatchQueue(label: "cflab.signals")

    public init() {}

    /// Whether a signal has arrived.
    public var isRequested: Bool { stop.isRequested }

    /// Starts listening for SIGINT and SIGTERM instead of dying on them.
    public func install(
        onFirstSignal: @escaping @Sendable (String) -> Void, onSecondSignal: @escaping @Sendable () -> Void
    ) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [stop] in
                if stop.request(reason: "interrupted by \(name)") == 1 {
                    onFirstSignal(name)
                } else {
                    onSecondSignal()
                }
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
