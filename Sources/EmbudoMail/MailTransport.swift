import EmbudoMIME

/// Hands formatted messages to a mail relay. ``SMTPClient`` is the real one; the worker only needs this.
public protocol MailTransport: Sendable {
    /// Delivers `mail` to the relay, or throws why it could not (``SMTPError/isPermanent`` says whether
    /// to retry).
    func send(_ mail: FormattedMail) async throws(SMTPError)
}
