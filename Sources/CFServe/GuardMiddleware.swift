import CFReport
import CFStore
import HTTPTypes
import Hummingbird

/// What every request passes before a route sees it, in order: the method (GET and HEAD
/// only: the dashboard never changes anything), the size of its target and body, the
/// client's rate, then the token when one is set. Every response gets the headers that
/// keep a browser from running anything but the dashboard's own script.
struct GuardMiddleware: RouterMiddleware {
    typealias Context = ServeContext

    let settings: ServeSettings
    let limiter: RateLimiter
    let token: TokenCheck?

    init(settings: ServeSettings) {
        self.settings = settings
        limiter = RateLimiter(rate: settings.requestsPerSecond, burst: settings.burst)
        token = settings.token.map(TokenCheck.init)
    }

    /// The content security policy: scripts, styles and images only from the dashboard.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// `Referrer-Policy`, which HTTPTypes does not name.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await check(request, context: context, next: next)
        } catch {
            response = Self.response(for: error, json: request.uri.path.hasPrefix("/api/"))
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        if let referrerPolicy = Self.referrerPolicy { response.headers[referrerPolicy] = "no-referrer" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// The answer to a route's error: its status and one line saying why, escaped.
    static func response(for error: any Error, json: Bool) -> Response {
        switch error {
        case let error as HTTPError:
            return ErrorPage.response(error.status, error.body ?? error.status.reasonPhrase, json: json)
        case let error as RequestProblem:
            return ErrorPage.response(.badRequest, error.description, json: json)
        case let error as WhereError:
            return ErrorPage.response(.badRequest, error.description, json: json)
        case let StoreError.unknownRun(id):
            return ErrorPage.response(.notFound, "no run \(id) in this store", json: json)
        case let error as ReportError:
            if case .noRuns = error { return ErrorPage.response(.notFound, error.description, json: json) }
            return ErrorPage.response(.badRequest, error.description, json: json)
        case let error as StoreError:
            return ErrorPage.response(.serviceUnavailable, error.description, json: json)
        default:
            return ErrorPage.response(.internalServerError, String(describing: error), json: json)
        }
    }

    private func check(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var refused = ErrorPage.response(.methodNotAllowed, "the dashboard only reads: use GET")
            refused.headers[.allow] = "GET, HEAD"
            return refused
        }
        if request.uri.description.utf8.count > settings.maxTargetBytes {
            return ErrorPage.response(.uriTooLong, "the request target is longer than \(settings.maxTargetBytes) bytes")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > settings.maxBodyBytes {
            return ErrorPage.response(.contentTooLarge, "request bodies are limited to \(settings.maxBodyBytes) bytes")
        }
        if request.headers[.transferEncoding] != nil, settings.maxBodyBytes == 0 {
            return ErrorPage.response(.contentTooLarge, "request bodies are limited to 0 bytes")
        }
        guard await limiter.admit(context.clientKey) else {
            var refused = ErrorPage.response(.tooManyRequests, "more than \(settings.requestsPerSecond) requests a second; slow down")
            refused.headers[.retryAfter] = "1"
            return refused
        }
        guard let token else { return try await next(request, context) }
        let offered = TokenCheck.offered(by: request)
        guard offered.contains(where: token.accepts) else {
            var refused = ErrorPage.response(.unauthorized, "this dashboard needs its token: Authorization: Bearer TOKEN, or ?token=TOKEN")
            refused.headers[.wwwAuthenticate] = "Bearer realm=\"cflab\""
            return refused
        }
        var response = try await next(request, context)
        if let fromQuery = request.uri.queryParameters.get("token"), token.accepts(fromQuery) {
            response.headers[.setCookie] = "\(TokenCheck.cookieName)=\(fromQuery); Path=/; HttpOnly; SameSite=Strict"
        }
        return response
    }
}
