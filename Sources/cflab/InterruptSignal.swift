import Foundation

/// Ctrl-C (SIGINT) and SIGTERM, turned into a flag that trial threads check at every
/// epoch boundary.
///
/// The first signal only sets `isRequested`: running trials stop after their current
/// epoch and are recorded as interrupted. A second signal calls `onSecondSignal` (which
/// marks the runs in flight and exits at once).
final class InterruptSignal: Sendable {
    private let requested = LockedValue<Int>(0)
    private let sources: LockedValue<[DispatchSourceSignal]> = LockedValue([])
    private let queue = DispatchQueue(label: "cflab.signals")

    /// Whether a signal has arrived.
    var isRequested: Bool { requested.current > 0 }

    /// The name of the first signal received, for the runs' error column.
    let signalName = LockedValue<String>("SIGINT")

    /// Starts listening for SIGINT and SIGTERM instead of dying on them.
    func install(onSecondSignal: @escaping @Sendable () -> Void) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [requested, signalName] in
                let count = requested.withLock { count -> Int in
                    count += 1
                    return count
                }
                if count == 1 {
                    signalName.withLock { $0 = name }
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
