/// Where the HTTP server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind (`127.0.0.1` by default: only this machine).
    public var host: String
    /// The TCP port (Odoo's 8069 by default; 0 picks a free one).
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8069) {
        self.host = host
        self.port = port
    }
}
