import Hummingbird
import NIOCore

/// The request context of Embudo's routes: Hummingbird's basic context plus the TCP peer's address.
struct EmbudoRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The TCP peer's IP address, if known (a trusted proxy's, behind one: see ``TrustedProxies``).
    var clientAddress: String? { remoteAddress?.ipAddress }
}
