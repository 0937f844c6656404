import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to an SMTP server, commands in and replies out, with TLS from the start or after
/// STARTTLS. It knows nothing of the session's order of commands (``SMTPClient`` does).
struct SMTPConnection {
    let channel: any Channel
    private let greeting: EventLoopFuture<SMTPReply>
    private let failure: SMTPConnectionFailure

    /// Connects to `host`:`port`; with `tls`, the connection is TLS from its first byte (port 465).
    static func connect(
        host: String, port: Int, tls: NIOSSLContext?, group: any EventLoopGroup,
        connectTimeout: Duration, commandTimeout: Duration
    ) async throws(SMTPError) -> SMTPConnection {
        let eventLoop = group.next()
        let greeting = eventLoop.makePromise(of: SMTPReply.self)
        let timeout = TimeAmount(commandTimeout)
        let serverHostname = serverName(host)
        let failure = SMTPConnectionFailure()
        do {
            let channel = try await ClientBootstrap(group: eventLoop)
                .connectTimeout(TimeAmount(connectTimeout))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverHostname))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPChannelHandler(greeting: greeting, timeout: timeout, failure: failure))
                    }
                }
                .connect(host: host, port: port)
                .get()
            return SMTPConnection(channel: channel, greeting: greeting.futureResult, failure: failure)
        } catch {
            greeting.fail(error)
            throw error as? SMTPError ?? .connectionFailed("\(host):\(port): \(error)")
        }
    }

    /// The name to send in TLS's SNI and to check the certificate against; nil for an IP address, which
    /// SNI does not allow (the certificate is then checked against the address).
    static func serverName(_ host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// The server's greeting.
    func readGreeting() async throws(SMTPError) -> SMTPReply {
        try await wait(greeting)
    }

    /// Sends a command (the CRLF is added) and waits for its reply.
    func command(_ line: String, stage: SMTPStage) async throws(SMTPError) -> SMTPReply {
        try await send(line + "\r\n", stage: stage)
    }

    /// Sends `payload` as it is and waits for its reply.
    func send(_ payload: String, stage: SMTPStage) async throws(SMTPError) -> SMTPReply {
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        let request = SMTPRequest(payload: ByteBuffer(string: payload), stage: stage, reply: reply)
        channel.writeAndFlush(request).whenFailure { reply.fail($0) }
        return try await wait(reply.futureResult)
    }

    /// Starts TLS on the connection after the server's positive reply to STARTTLS. Refuses when the server
    /// has sent anything more in plain text, which an attacker could have injected.
    func startTLS(context: NIOSSLContext, host: String) async throws(SMTPError) {
        let channel = self.channel
        let serverHostname = Self.serverName(host)
        do {
            try await channel.eventLoop.submit {
                let handler = try channel.pipeline.syncOperations.handler(type: SMTPChannelHandler.self)
                guard !handler.hasBufferedInput else {
                    throw SMTPError.protocolViolation("data after the reply to STARTTLS")
                }
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            }.get()
        } catch {
            throw Self.map(error)
        }
    }

    /// Closes the connection (after QUIT, or on failure).
    func close() async {
        try? await channel.close()
    }

    private func wait(_ future: EventLoopFuture<SMTPReply>) async throws(SMTPError) -> SMTPReply {
        do {
            return try await future.get()
        } catch {
            // The connection's first failure explains later ones (a write after the TLS handshake failed).
            throw failure.value ?? Self.map(error)
        }
    }

    static func map(_ error: any Error) -> SMTPError {
        switch error {
        case let error as SMTPError: error
        case let error as NIOSSLError: .tls(String(describing: error))
        case let error as NIOSSLExtraError: .tls(String(describing: error))
        default: .connectionFailed(String(describing: error))
        }
    }
}
