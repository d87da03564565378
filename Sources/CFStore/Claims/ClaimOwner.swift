import Foundation

/// The process that claims a trial, recorded in `runs.owner`, `runs.pid` and `runs.host`.
public struct ClaimOwner: Equatable, Sendable {
    /// `host:pid:random`, unique per `RunStore` instance.
    public var token: String
    public var processId: Int
    public var host: String

    public init(token: String, processId: Int, host: String) {
        self.token = token
        self.processId = processId
        self.host = host
    }

    /// The owner for this process, with a fresh random suffix.
    static func current() -> ClaimOwner {
        let host = ProcessInfo.processInfo.hostName
        let processId = Int(ProcessInfo.processInfo.processIdentifier)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        return ClaimOwner(token: "\(host):\(processId):\(suffix)", processId: processId, host: host)
    }
}
