import CFStore
import Foundation

/// The process that holds a run, as its run record names it (`pid@host`), and whether it
/// is alive.
public struct TrialOwner: Sendable, Equatable {
    public let runId: Int64
    public let status: RunStatus
    public let processId: Int
    public let host: String
    /// The last heartbeat, nil when the run has none.
    public let heartbeat: Date?

    /// The record's owner; nil when it names no process.
    public init?(_ record: RunRecord) {
        guard let processId = record.lifecycle.processId, let host = record.lifecycle.host else { return nil }
        runId = record.id
        status = record.status
        self.processId = processId
        self.host = host
        heartbeat = record.lifecycle.heartbeatAt.flatMap(Self.date)
    }

    /// "1234@build-box".
    public var name: String { "\(processId)@\(host)" }

    /// Whether the run is active with a heartbeat newer than `staleAfter` seconds and,
    /// when it is on this host, its process still exists.
    public func isLive(staleAfter: Double, now: Date = Date()) -> Bool {
        guard status.isActive, let heartbeat, now.timeIntervalSince(heartbeat) <= staleAfter else { return false }
        guard host == ProcessInfo.processInfo.hostName else { return true }
        return kill(pid_t(processId), 0) == 0 || errno == EPERM
    }

    /// A store timestamp (`2025-01-31T12:00:00.000Z`) as a date.
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
