/// Where the HTTP server listens, and what it serves besides the API.
public struct ServerConfiguration: Sendable {
    /// The address to bind (`127.0.0.1` by default: only this machine).
    public var host: String
    /// The TCP port (Odoo's 8069 by default; 0 picks a free one).
    public var port: Int
    /// The web client's folder (with `index.html`), served at `/` and `/web/static/`; nil serves none.
    public var webRoot: String?
    /// The reverse proxies whose `X-Forwarded-For` names the client (none by default: the TCP peer is the
    /// client).
    public var trustedProxies: TrustedProxies

    public init(host: String = "127.0.0.1", port: Int = 8069, webRoot: String? = nil, trustedProxies: TrustedProxies = .none) {
        self.host = host
        self.port = port
        self.webRoot = webRoot
        self.trustedProxies = trustedProxies
    }
}
