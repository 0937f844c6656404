/// Why a received message could not be parsed. The parser is lenient: these are the cases where the
/// input is not a message at all or exceeds ``InboundLimits``.
public enum InboundParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is empty.
    case empty
    /// The message (or its decoded content in total) is larger than `maxBytes`.
    case tooLarge
    /// The input does not start with a header section.
    case noHeaders
    /// An entity has more header fields than `maxHeaders`.
    case tooManyHeaders
    /// The message has more MIME parts than `maxParts`.
    case tooManyParts
    /// Multiparts are nested deeper than `maxDepth`.
    case nestingTooDeep
    /// An attachment (named here) is larger than `maxAttachmentBytes` once decoded.
    case attachmentTooLarge(String)

    public var description: String {
        switch self {
        case .empty: "the message is empty"
        case .tooLarge: "the message is larger than the size limit"
        case .noHeaders: "the message has no header section"
        case .tooManyHeaders: "a part of the message has more header fields than the limit"
        case .tooManyParts: "the message has more MIME parts than the limit"
        case .nestingTooDeep: "the message's MIME parts are nested deeper than the limit"
        case .attachmentTooLarge(let name): "the attachment \(name.debugDescription) is larger than the limit"
        }
    }
}
