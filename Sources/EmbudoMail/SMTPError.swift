/// The step of an SMTP session at which something went wrong.
public enum SMTPStage: String, Sendable {
    case connect, greeting, hello, startTLS, authentication, mailFrom, recipient, data, message, quit
}

/// Why a message could not be handed to the relay.
///
/// ``isPermanent`` tells the worker whether to give up on the message: only a 5xx reply about the
/// message itself (its sender, a recipient, its content) is. Every other failure is retried: 4xx replies,
/// connections refused or lost, timeouts, TLS failures, and 5xx replies before the transaction (greeting,
/// EHLO, STARTTLS, AUTH), which say that the relay or our configuration is wrong, not the message.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Could not connect, or the connection broke.
    case connectionFailed(String)
    /// The server did not answer in time.
    case timeout(SMTPStage)
    /// The TLS handshake failed, or STARTTLS was required and not offered.
    case tls(String)
    /// The server broke the protocol (a malformed reply, data where none was expected).
    case protocolViolation(String)
    /// The server answered with an unexpected code.
    case rejected(SMTPStage, SMTPReply)
    /// A user is configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationUnavailable

    /// Whether retrying cannot help (see the type's documentation).
    public var isPermanent: Bool {
        guard case .rejected(let stage, let reply) = self, reply.isPermanentFailure else { return false }
        switch stage {
        case .mailFrom, .recipient, .data, .message: return true
        case .connect, .greeting, .hello, .startTLS, .authentication, .quit: return false
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let reason): "connection failed: \(reason)"
        case .timeout(let stage): "timed out waiting for the server (\(stage.rawValue))"
        case .tls(let reason): "TLS failed: \(reason)"
        case .protocolViolation(let reason): "SMTP protocol error: \(reason)"
        case .rejected(let stage, let reply): "rejected at \(stage.rawValue): \(reply)"
        case .authenticationUnavailable: "the server offers no AUTH PLAIN or AUTH LOGIN"
        }
    }
}
