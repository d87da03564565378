import CFCore
import HTTPTypes
import Hummingbird

/// Whether a request carries the server's token, compared in constant time.
///
/// A request may carry it as `Authorization: Bearer TOKEN`, as `?token=TOKEN`, or in the
/// `cflab_token` cookie that a page opened with `?token=` sets, so that its links, scripts
/// and polls need not repeat it.
struct TokenCheck: Sendable {
    /// The SHA-256 hex of the expected token: comparing digests keeps the time independent of
    /// where the texts differ and of the token's length.
    let expected: [UInt8]

    static let cookieName = "cflab_token"

    init(token: String) {
        expected = Array(Digest.sha256Hex(token).utf8)
    }

    /// Whether `candidate` is the token.
    func accepts(_ candidate: String) -> Bool {
        let digest = Array(Digest.sha256Hex(candidate).utf8)
        var difference: UInt8 = 0
        for (left, right) in zip(digest, expected) { difference |= left ^ right }
        return difference == 0 && digest.count == expected.count
    }

    /// The tokens `request` offers, in the order checked: header, query, cookie.
    static func offered(by request: Request) -> [String] {
        var found: [String] = []
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            found.append(String(authorization.dropFirst("Bearer ".count)))
        }
        if let query = request.uri.queryParameters.get("token") { found.append(query) }
        if let cookie = request.cookies[cookieName]?.value { found.append(cookie) }
        return found
    }
}
