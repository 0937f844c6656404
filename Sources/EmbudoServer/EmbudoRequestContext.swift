import Hummingbird
import NIOCore

/// The request context of Embudo's routes: Hummingbird's basic context plus the client's address (for
/// throttling failed logins).
struct EmbudoRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address, if known.
    var clientAddress: String? { remoteAddress?.ipAddress }
}
