/// Where and how the delivery worker reaches the SMTP relay.
public struct SMTPConfiguration: Sendable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain text (a relay on this machine or a trusted network, port 25).
        case none
        /// Plain text upgraded with STARTTLS before anything else is sent (port 587); the server must
        /// offer it.
        case starttls
        /// TLS from the first byte ("implicit TLS", port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// The user for AUTH PLAIN or AUTH LOGIN; nil sends no AUTH.
    public var username: String?
    /// The password of `username`. Never printed.
    public var password: String?
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// Whether the server's certificate is checked. Turning this off is for tests only.
    public var verifyCertificates: Bool
    /// The name sent in EHLO (this machine's name).
    public var heloName: String
    /// The longest a connection may take to open.
    public var connectTimeout: Duration
    /// The longest the server may take to answer a command.
    public var commandTimeout: Duration

    public init(
        host: String, port: Int = 25, security: Security = .none, username: String? = nil, password: String? = nil,
        caFile: String? = nil, verifyCertificates: Bool = true, heloName: String = "localhost",
        connectTimeout: Duration = .seconds(10), commandTimeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.verifyCertificates = verifyCertificates
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
    }

    /// The settings for logs, without the password.
    public var description: String {
        var text = "smtp://\(host):\(port) security=\(security.rawValue)"
        if let username { text += " user=\(username)" }
        if let caFile { text += " ca-file=\(caFile)" }
        if !verifyCertificates { text += " certificates NOT verified" }
        return text
    }
}

/// A configuration that cannot work.
public enum SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A user without TLS would send the password in clear text.
    case authenticationWithoutTLS
    /// A user without a password.
    case missingPassword
    /// The port is not 1...65535.
    case invalidPort(Int)
    /// The TLS settings (the CA file) could not be loaded.
    case tls(String)

    public var description: String {
        switch self {
        case .authenticationWithoutTLS: "an SMTP user needs security starttls or tls: the password would travel in clear text"
        case .missingPassword: "an SMTP user needs a password (--smtp-password or EMBUDO_SMTP_PASSWORD)"
        case .invalidPort(let port): "invalid SMTP port \(port)"
        case .tls(let reason): "the SMTP TLS settings cannot be used: \(reason)"
        }
    }
}
