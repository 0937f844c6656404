import EmbudoMIME
import NIOCore
import NIOPosix
import NIOSSL

/// An SMTP client (RFC 5321) on SwiftNIO: one connection per message, which it opens, greets (EHLO, or
/// HELO for old servers), protects (STARTTLS or implicit TLS), authenticates (AUTH PLAIN or LOGIN),
/// uses for one transaction (MAIL FROM, RCPT TO for each recipient, DATA) and closes with QUIT.
///
/// A recipient refused by the server fails the whole message before DATA, so that a retry never sends
/// it twice to the recipients that were accepted.
public struct SMTPClient: MailTransport {
    public let configuration: SMTPConfiguration
    private let group: any EventLoopGroup
    private let tlsContext: NIOSSLContext?

    /// A client for `configuration`; checks it and loads its TLS settings.
    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws(SMTPConfigurationError) {
        guard (1...65535).contains(configuration.port) else { throw .invalidPort(configuration.port) }
        if configuration.username != nil {
            guard configuration.security != .none else { throw .authenticationWithoutTLS }
            guard configuration.password != nil else { throw .missingPassword }
        }
        self.configuration = configuration
        self.group = group
        guard configuration.security != .none else {
            tlsContext = nil
            return
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile { tls.trustRoots = .file(caFile) }
        if !configuration.verifyCertificates { tls.certificateVerification = .none }
        do {
            tlsContext = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tls(configuration.caFile.map { "CA file \($0): \(error)" } ?? String(describing: error))
        }
    }

    public func send(_ mail: FormattedMail) async throws(SMTPError) {
        let connection = try await SMTPConnection.connect(
            host: configuration.host, port: configuration.port,
            tls: configuration.security == .tls ? tlsContext : nil, group: group,
            connectTimeout: configuration.connectTimeout, commandTimeout: configuration.commandTimeout
        )
        do {
            try await transaction(mail, on: connection)
        } catch {
            await connection.close()
            throw error
        }
        // The message is accepted: a failing QUIT changes nothing.
        _ = try? await connection.command("QUIT", stage: .quit)
        await connection.close()
    }

    private func transaction(_ mail: FormattedMail, on connection: SMTPConnection) async throws(SMTPError) {
        try expect(220, try await connection.readGreeting(), .greeting)
        var extensions = try await hello(connection)
        if configuration.security == .starttls, let tlsContext {
            guard extensions.startTLS else { throw .tls("the server does not offer STARTTLS") }
            try expect(220, try await connection.command("STARTTLS", stage: .startTLS), .startTLS)
            try await connection.startTLS(context: tlsContext, host: configuration.host)
            extensions = try await hello(connection)
        }
        if let username = configuration.username {
            try await authenticate(connection, username: username, password: configuration.password ?? "", extensions: extensions)
        }
        try expect(250, try await connection.command("MAIL FROM:<\(mail.sender)>", stage: .mailFrom), .mailFrom)
        for recipient in mail.recipients {
            let reply = try await connection.command("RCPT TO:<\(recipient)>", stage: .recipient)
            guard reply.code == 250 || reply.code == 251 else {
                throw .rejected(.recipient, SMTPReply(code: reply.code, lines: ["<\(recipient)>: " + reply.lines.joined(separator: " ")]))
            }
        }
        try expect(354, try await connection.command("DATA", stage: .data), .data)
        try expect(250, try await connection.send(DotStuffing.encode(mail.content), stage: .message), .message)
    }

    /// EHLO, or HELO when the server does not know EHLO; the extensions the server announced.
    private func hello(_ connection: SMTPConnection) async throws(SMTPError) -> SMTPExtensions {
        let reply = try await connection.command("EHLO \(configuration.heloName)", stage: .hello)
        if reply.code == 250 { return SMTPExtensions(reply) }
        // 500/502: command unknown (RFC 5321 §3.2); older servers only know HELO.
        guard reply.code == 500 || reply.code == 502 else { throw .rejected(.hello, reply) }
        try expect(250, try await connection.command("HELO \(configuration.heloName)", stage: .hello), .hello)
        return SMTPExtensions(SMTPReply(code: 250, lines: []))
    }

    /// AUTH PLAIN (RFC 4616) when offered, else AUTH LOGIN.
    private func authenticate(_ connection: SMTPConnection, username: String, password: String, extensions: SMTPExtensions) async throws(SMTPError) {
        if extensions.authentication.contains("PLAIN") {
            let credentials = Base64.encode(Array("\0\(username)\0\(password)".utf8))
            try expect(235, try await connection.command("AUTH PLAIN \(credentials)", stage: .authentication), .authentication)
        } else if extensions.authentication.contains("LOGIN") {
            try expect(334, try await connection.command("AUTH LOGIN", stage: .authentication), .authentication)
            try expect(334, try await connection.command(Base64.encode(username), stage: .authentication), .authentication)
            try expect(235, try await connection.command(Base64.encode(password), stage: .authentication), .authentication)
        } else {
            throw .authenticationUnavailable
        }
    }

    private func expect(_ code: Int, _ reply: SMTPReply, _ stage: SMTPStage) throws(SMTPError) {
        guard reply.code == code else { throw .rejected(stage, reply) }
    }
}

/// What a server announced in its reply to EHLO.
public struct SMTPExtensions: Sendable, Equatable {
    /// Whether STARTTLS is offered.
    public var startTLS = false
    /// The AUTH mechanisms offered, upper case.
    public var authentication: Set<String> = []

    /// The extensions of a reply to EHLO.
    public init(_ reply: SMTPReply) {
        // The first line greets; each further line is a keyword and its parameters.
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            if keyword == "STARTTLS" { startTLS = true }
            if keyword == "AUTH" { authentication.formUnion(words.dropFirst()) }
        }
    }
}
