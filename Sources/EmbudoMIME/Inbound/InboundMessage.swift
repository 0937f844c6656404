#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One header field of a received message, unfolded, with RFC 2047 encoded words decoded.
public struct InboundHeader: Sendable, Equatable {
    /// The field name as written (for example `Subject`).
    public var name: String
    /// The value: unfolded, encoded words decoded, leading and trailing spaces removed.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A file carried by a received message: a real attachment, an inline image of `multipart/related`
/// (with its `contentID`), or an attached message (`message/rfc822`, as an `.eml` file).
public struct InboundAttachment: Sendable, Equatable {
    /// The file name, decoded (RFC 2231 / RFC 2047) and without any directory part; generated when absent.
    public var filename: String
    /// The MIME type in lower case, without parameters (for example `application/pdf`).
    public var contentType: String
    /// The `Content-ID` without angle brackets, for `cid:` references in the HTML body.
    public var contentID: String?
    /// The decoded content.
    public var data: [UInt8]

    public init(filename: String, contentType: String, contentID: String? = nil, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.contentID = contentID
        self.data = data
    }
}

/// A received e-mail, parsed by ``InboundParser``: the fields a CRM needs to thread, route and store it.
public struct InboundMessage: Sendable, Equatable {
    /// The `Message-ID`, without angle brackets.
    public var messageID: String?
    /// The first message id of `In-Reply-To`, without angle brackets.
    public var inReplyTo: String?
    /// The message ids of `References`, without angle brackets, in order.
    public var references: [String] = []
    /// The first `From` address (name and address).
    public var from: MailAddress?
    /// The `Reply-To` addresses.
    public var replyTo: [MailAddress] = []
    /// The `To` addresses.
    public var to: [MailAddress] = []
    /// The `Cc` addresses.
    public var cc: [MailAddress] = []
    /// The `Delivered-To` and `X-Original-To` addresses, if any.
    public var deliveredTo: [MailAddress] = []
    /// The subject: encoded words decoded, unfolded, trimmed.
    public var subject: String = ""
    /// The `Date` header, when it can be read.
    public var date: Date?
    /// Odoo's priority key from `X-Priority`, `Importance` or `Priority`: `"2"` for high, `"0"` for low,
    /// nil for normal or absent.
    public var priority: String?
    /// The `text/plain` body, decoded.
    public var textBody: String?
    /// The `text/html` body, decoded and sanitised by ``HTMLSanitizer``.
    public var htmlBody: String?
    /// Attachments, inline images and attached messages, in the order of the message.
    public var attachments: [InboundAttachment] = []
    /// Whether the message is a delivery status notification (a bounce).
    public var isBounce: Bool = false
    /// The failed recipient of a bounce (`Final-Recipient`, else `Original-Recipient`).
    public var bouncedRecipient: String?
    /// The `Message-ID` of the message that bounced, from the returned headers, without angle brackets.
    public var bouncedMessageID: String?
    /// Every top-level header field in order, unfolded and decoded.
    public var headers: [InboundHeader] = []

    public init() {}

    /// The body to store: the sanitised HTML, else the text escaped into `<p>` and `<br>`.
    public var bodyHTML: String {
        if let htmlBody, !htmlBody.trimmingSpaces().isEmpty { return htmlBody }
        guard let textBody else { return "" }
        return PlainTextHTML.render(textBody)
    }

    /// The value of the first header field with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
