import CFCore
import CFReport
import CFStore
import Hummingbird
import HummingbirdCore

/// The live dashboard over a run store: HTML pages and the JSON API of `cflab serve`.
///
/// The store is opened read-only (`RunStore(path:, readOnly: true)`): nothing here can
/// write it, and each request reads a fresh WAL snapshot, so a page sees every commit
/// made before it was asked for, while sweeps keep writing.
public struct Dashboard: Sendable {
    public let store: RunStore
    public let settings: ServeSettings
    let reports: ReportFiles?

    /// A dashboard over `store`, which must have been opened read-only; throws
    /// `ServeError` for a writable store or settings that must not serve.
    public init(store: RunStore, settings: ServeSettings) throws {
        guard store.isReadOnly else { throw ServeError.writableStore(store.path) }
        try settings.validate()
        self.store = store
        self.settings = settings
        reports = settings.reportFolder.map { ReportFiles(folder: $0) }
    }

    /// Every route, behind the guard (method, sizes, rate, token).
    public func router() -> Router<ServeContext> {
        // HEAD answers as GET does, without the body.
        let router = Router(context: ServeContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: GuardMiddleware(settings: settings))
        addPages(to: router)
        addAPI(to: router)
        router.get("/static/dashboard.css") { _, _ in Self.asset(DashboardAssets.stylesheet, type: "text/css; charset=utf-8") }
        router.get("/static/dashboard.js") { _, _ in Self.asset(DashboardAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/report/**") { request, _ in try self.reportFile(request) }
        return router
    }

    /// The server: HTTP/1.1 on `settings.host:port`, header lists bounded, idle
    /// connections closed after 30 s.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: settings.maxHeaderBytes, maxHeaderListSize: settings.maxHeaderBytes, maxHeaderFieldCount: 100)
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(30), httpDecoderConfiguration: decoder)),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "cflab",
                                 availableConnectionsDelegate: MaximumAvailableConnections(256)),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) }
        )
    }

    static func asset(_ text: String, type: String) -> Response {
        var response = Responses.body(text, type: type)
        response.headers[.cacheControl] = "max-age=300"
        return response
    }

    /// A file of the report folder, or 404 for anything refused or absent.
    func reportFile(_ request: Request) throws -> Response {
        let prefix = "/report/"
        let path = request.uri.path
        guard let reports, path.hasPrefix(prefix), let file = reports.file(path.dropFirst(prefix.count)),
              let bytes = reports.read(file.url)
        else { throw HTTPError(.notFound) }
        return Responses.bytes(bytes, type: file.type)
    }

    /// The integer id in the route's `{id}`, or 404.
    static func runId(_ context: ServeContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
        return id
    }

    /// The decoded `{name}` of a sweep route, or 404.
    static func sweepName(_ context: ServeContext) throws -> String {
        guard let raw = context.parameters.get("name"), let name = Links.decoded(Substring(raw)) else { throw HTTPError(.notFound) }
        return name
    }
}

extension Dashboard {
    /// Serves until SIGINT or SIGTERM; `onServerRunning` receives the bound port (useful with port 0).
    public func serve(onServerRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(onServerRunning: onServerRunning).runService()
    }
}
