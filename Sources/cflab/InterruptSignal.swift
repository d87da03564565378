import CFExperiment
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM, turned into a `StopRequest` that trial threads check at
/// every epoch boundary.
///
/// The first signal only requests the stop: running trials stop after their current
/// epoch and are recorded as interrupted. A second signal calls `onSecondSignal` (which
/// marks the runs in flight and exits at once).
final class InterruptSignal: Sendable {
    let stop = StopRequest()
    private let sources: LockedValue<[DispatchSourceSignal]> = LockedValue([])
    private let queue = DispatchQueue(label: "cflab.signals")

    /// Whether a signal has arrived.
    var isRequested: Bool { stop.isRequested }

    /// Starts listening for SIGINT and SIGTERM instead of dying on them.
    func install(onSecondSignal: @escaping @Sendable () -> Void) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [stop] in
                if stop.request(reason: "interrupted by \(name)") == 1 {
                    FileHandle.standardError.write(Data(
                        "\n\(name): stopping at the next epoch boundary (again to stop now)\n".utf8))
                } else {
                    onSecondSignal()
                }
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
