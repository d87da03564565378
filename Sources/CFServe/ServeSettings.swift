import Foundation

/// How `cflab serve` listens and what it bounds: address, token, report folder, limits.
public struct ServeSettings: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    public var port: Int
    /// The secret every request must carry (`Authorization: Bearer`, `?token=` or the
    /// cookie a `?token=` request sets); nil: none asked, allowed only on loopback.
    public var token: String?
    /// The folder whose files `/report/…` serves (what `cflab report` writes), if any.
    public var reportFolder: String?
    /// Requests per second each client may make, refilled continuously.
    public var requestsPerSecond: Int
    /// Requests a client may make at once before the rate applies.
    public var burst: Int
    /// The largest request body accepted; the dashboard only reads, so 0 by default.
    public var maxBodyBytes: Int
    /// The largest request target (path and query).
    public var maxTargetBytes: Int
    /// The largest header list a request may send.
    public var maxHeaderBytes: Int
    /// How often pages poll for new commits, in milliseconds.
    public var pollMilliseconds: Int

    /// The characters a token may hold: they pass unchanged through a query and a cookie.
    static let tokenCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-")

    /// Tokens shorter than this are refused.
    public static let minimumTokenLength = 16

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, reportFolder: String? = nil,
        requestsPerSecond: Int = 50, burst: Int = 100, maxBodyBytes: Int = 0, maxTargetBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024, pollMilliseconds: Int = 1000
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.reportFolder = reportFolder
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.maxBodyBytes = maxBodyBytes
        self.maxTargetBytes = maxTargetBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.pollMilliseconds = pollMilliseconds
    }

    /// Whether `host` names this machine only: `localhost`, `::1` or 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Throws the one-line reason these settings must not serve.
    public func validate() throws {
        if let token, token.count < Self.minimumTokenLength { throw ServeError.weakToken(length: token.count) }
        if let token, !token.unicodeScalars.allSatisfy(Self.tokenCharacters.contains) { throw ServeError.tokenCharacters }
        if token == nil, !Self.isLoopback(host) { throw ServeError.tokenRequired(host: host) }
        try Self.require(port, in: 0...65535, option: "--port")
        try Self.require(requestsPerSecond, in: 1...1_000_000, option: "--rate-limit")
        try Self.require(burst, in: 1...1_000_000, option: "--burst")
        if let reportFolder {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: reportFolder, isDirectory: &isFolder), isFolder.boolValue else {
                throw ServeError.notAFolder(reportFolder)
            }
        }
    }

    private static func require(_ value: Int, in range: ClosedRange<Int>, option: String) throws {
        guard range.contains(value) else { throw ServeError.badLimit(option: option, value: value, range: range) }
    }
}
