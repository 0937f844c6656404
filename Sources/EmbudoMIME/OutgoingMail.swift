/// A message of the queue (`mail_mail`) as the worker claims it.
public struct OutgoingMail: Sendable, Equatable {
    /// `mail_mail.id`.
    public var id: Int
    /// The sender, `addr` or `Name <addr>`.
    public var from: String
    /// The recipients, a comma-separated list of `addr` or `Name <addr>`.
    public var to: String
    /// Copies, a list as `to`.
    public var cc: String?
    /// Where answers should go, a list as `to`.
    public var replyTo: String?
    public var subject: String
    /// The body, HTML.
    public var bodyHTML: String
    /// Attempts so far, this one included.
    public var attempts: Int
    /// The Message-ID recorded when the message was queued (without angle brackets): the message goes
    /// out with it, so that answers thread back to its record. Nil: the formatter makes one.
    public var messageID: String?
    /// A meeting invitation's iCalendar part, sent beside the HTML body; nil for other mail.
    public var calendar: CalendarPart?

    public init(
        id: Int, from: String, to: String, cc: String? = nil, replyTo: String? = nil, subject: String, bodyHTML: String, attempts: Int = 1,
        messageID: String? = nil, calendar: CalendarPart? = nil
    ) {
        self.calendar = calendar
        self.id = id
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.bodyHTML = bodyHTML
        self.attempts = attempts
        self.messageID = messageID
    }
}

/// The iCalendar object of a meeting invitation (RFC 5545), with its iTIP method (RFC 5546).
public struct CalendarPart: Sendable, Equatable {
    /// `REQUEST`, `CANCEL` or `REPLY`.
    public var method: String
    /// The `VCALENDAR` text, lines ending in CRLF.
    public var text: String

    public init(method: String, text: String) {
        self.method = method
        self.text = text
    }
}

/// A message ready for SMTP: the envelope and the content (RFC 5322 headers and MIME body).
public struct FormattedMail: Sendable, Equatable {
    /// The envelope sender (`MAIL FROM`).
    public var sender: String
    /// The envelope recipients (`RCPT TO`): every To and Cc address, once each.
    public var recipients: [String]
    /// The message, lines ending in CRLF, not yet dot-stuffed.
    public var content: String
    /// The `Message-ID` header's value.
    public var messageID: String

    public init(sender: String, recipients: [String], content: String, messageID: String) {
        self.sender = sender
        self.recipients = recipients
        self.content = content
        self.messageID = messageID
    }
}
