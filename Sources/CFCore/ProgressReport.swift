/// How far a long step has got, for a person waiting at a terminal.
///
/// Long steps (reading a ratings file, fingerprinting it, splitting, generating synthetic
/// data, ranking evaluation) report through `ProgressReport.phase(_:total:unit:)` to the
/// sink bound to the current thread or task with `ProgressReport.$sink.withValue`. With
/// none bound, as in tests and piped runs, a phase costs one task-local read. A sink only
/// watches: nothing it does changes what is computed.
public struct ProgressUpdate: Sendable, Equatable {
    /// What `done` and `total` count.
    public enum Unit: Sendable, Equatable {
        case bytes
        /// Counted things, named in the plural ("ratings", "users").
        case count(String)
    }

    /// What is being done, in a few words: "reading ratings.csv", "ranking on valid".
    public let phase: String
    public let done: Int
    public let total: Int
    public let unit: Unit

    public init(phase: String, done: Int, total: Int, unit: Unit) {
        self.phase = phase
        self.done = done
        self.total = total
        self.unit = unit
    }

    /// The part done, from 0 to 1 (0 when the total is unknown or 0).
    public var fraction: Double {
        total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
    }
}

/// Receives progress updates, possibly from several threads at once.
public protocol ProgressSink: Sendable {
    func update(_ update: ProgressUpdate)
    /// The phase ended (done or abandoned): whatever shows it can go.
    func finish(_ phase: String)
}

/// The sink of the current thread or task, and the reporting of one phase to it.
public enum ProgressReport {
    /// Where progress goes; nil (the default) reports nothing.
    @TaskLocal public static var sink: (any ProgressSink)?

    /// Starts reporting a phase of `total` units (0: unknown) to the current sink, which
    /// hears of it at once (done 0).
    public static func phase(_ name: String, total: Int, unit: ProgressUpdate.Unit) -> ProgressPhase {
        let phase = ProgressPhase(sink: sink, name: name, total: total, unit: unit)
        phase.update(done: 0)
        return phase
    }
}

/// One phase being reported: `update(done:)` as work advances, `finish()` at the end.
///
/// Loops call `update(done:)` every few thousand units, never per element: a phase
/// without a sink returns at once.
public struct ProgressPhase: Sendable {
    let sink: (any ProgressSink)?
    public let name: String
    public let total: Int
    public let unit: ProgressUpdate.Unit

    public func update(done: Int) {
        sink?.update(ProgressUpdate(phase: name, done: done, total: total, unit: unit))
    }

    public func finish() {
        sink?.finish(name)
    }
}
