/// When a stored run was created, started, last heard from and ended, and who claimed it.
///
/// The store keeps these itself: `startRun` and `claimTrial` set the first four and the
/// owner, `heartbeat` and `appendEpoch` refresh `heartbeatAt`, and `finishRun` (or an
/// interruption) sets `endedAt`.
public struct RunLifecycle: Equatable, Sendable {
    /// Timestamps are UTC ISO-8601 text (`2025-01-31T12:00:00.000Z`).
    public var createdAt: String
    public var startedAt: String?
    public var endedAt: String?
    public var heartbeatAt: String?
    /// The claiming process: `ClaimOwner.token`, its process id and host.
    public var owner: String?
    public var processId: Int?
    public var host: String?
}
