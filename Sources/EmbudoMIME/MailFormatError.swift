/// Why a queued message cannot be turned into an e-mail. These are permanent: the same message would
/// fail the same way on every attempt.
public enum MailFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An address that is not `local@domain` in ASCII (or a list that cannot be parsed).
    case invalidAddress(String)
    /// No sender address.
    case noSender
    /// More than one sender address (email_from must name one).
    case severalSenders
    /// Neither To nor Cc names a recipient.
    case noRecipients

    public var description: String {
        switch self {
        case .invalidAddress(let address): "invalid e-mail address: \(address.debugDescription)"
        case .noSender: "no sender address (email_from)"
        case .severalSenders: "more than one sender address (email_from)"
        case .noRecipients: "no recipient address (email_to, email_cc)"
        }
    }
}
