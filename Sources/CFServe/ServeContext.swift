import Hummingbird
import NIOCore

/// The request context of the dashboard: Hummingbird's core storage and the peer's address,
/// which the rate limit keys its buckets by.
public struct ServeContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The dashboard only reads: any body is refused before it is collected.
    public var maxUploadSize: Int { 0 }

    /// The key of the client's rate bucket: its IP address (the port changes per connection).
    var clientKey: String {
        remoteAddress?.ipAddress ?? "local"
    }
}
