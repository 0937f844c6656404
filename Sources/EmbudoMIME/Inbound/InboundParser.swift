/// Parses received e-mail (RFC 5322 and MIME) into an ``InboundMessage``, without I/O.
///
/// The parser is as lenient as mail clients are: LF or CRLF line endings, folded headers, no
/// `MIME-Version`, unknown charsets, bad base64 and quoted-printable, missing close delimiters, quoted
/// boundaries, RFC 2231 and RFC 2047 parameters. It is bounded by ``InboundLimits`` and throws rather
/// than spending unbounded time or memory on hostile input.
public enum InboundParser {
    public static func parse(
        _ bytes: [UInt8], limits: InboundLimits = .standard
    ) throws(InboundParseError) -> InboundMessage {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maxBytes else { throw .tooLarge }
        var start = 0
        // Blank lines before the header, and an mbox "From " separator line.
        while start < bytes.count, bytes[start] == 0x0D || bytes[start] == 0x0A { start += 1 }
        if bytes[start...].starts(with: Array("From ".utf8)) {
            while start < bytes.count, bytes[start] != 0x0A { start += 1 }
            if start < bytes.count { start += 1 }
        }
        guard start < bytes.count else { throw .noHeaders }

        var builder = MIMETreeBuilder(bytes: bytes, limits: limits)
        let root = try builder.entity(in: start..<bytes.count, depth: 0, defaultType: "text/plain")
        guard !root.header.fields.isEmpty else { throw .noHeaders }

        var message = InboundMessage()
        readHeaders(root.header, into: &message)
        message.isBounce = isBounce(root, from: message.from)
        var collector = BodyCollector(bytes: bytes, limits: limits, isBounce: message.isBounce)
        try collector.walk(root)
        message.textBody = collector.text
        message.htmlBody = collector.html.map(HTMLSanitizer.sanitize)
        message.attachments = collector.attachments
        message.bouncedRecipient = collector.bouncedRecipient
        message.bouncedMessageID = collector.bouncedMessageID
        return message
    }

    /// The envelope fields of the top-level header.
    static func readHeaders(_ header: HeaderSection, into message: inout InboundMessage) {
        message.headers = header.fields.map { InboundHeader(name: $0.name, value: EncodedWords.decode($0.value).trimmingSpaces()) }
        message.messageID = MessageIDs.first(header.first("message-id"))
        message.inReplyTo = MessageIDs.first(header.first("in-reply-to"))
        message.references = header.all("references").flatMap { MessageIDs.all($0) }
        message.from = header.first("from").flatMap { InboundAddresses.parse($0).first }
            ?? header.first("sender").flatMap { InboundAddresses.parse($0).first }
        message.replyTo = header.all("reply-to").flatMap(InboundAddresses.parse)
        message.to = header.all("to").flatMap(InboundAddresses.parse)
        message.cc = header.all("cc").flatMap(InboundAddresses.parse)
        message.deliveredTo = (header.all("delivered-to") + header.all("x-original-to")).flatMap(InboundAddresses.parse)
        message.subject = collapseSpaces(EncodedWords.decode(header.first("subject") ?? ""))
        message.date = header.first("date").flatMap(InboundDate.date)
        message.priority = priority(header)
    }

    /// Odoo's priority key: `X-Priority` 1–2, `Importance: high` or `Priority: urgent` give "2"; 4–5,
    /// `low` or `non-urgent` give "0"; normal (3) or absent gives nil. `X-Priority` wins over the others.
    static func priority(_ header: HeaderSection) -> String? {
        if let value = header.first("x-priority"), let digit = value.trimmingSpaces().first?.wholeNumberValue {
            switch digit {
            case 1, 2: return "2"
            case 4, 5: return "0"
            default: return nil
            }
        }
        for key in ["importance", "priority", "x-msmail-priority"] {
            guard let value = header.first(key)?.lowercased().trimmingSpaces() else { continue }
            switch value {
            case "high", "urgent": return "2"
            case "low", "non-urgent": return "0"
            default: return nil
            }
        }
        return nil
    }

    /// A delivery status notification: `multipart/report; report-type=delivery-status`, or a message from
    /// the mailer daemon or postmaster that carries a delivery status part.
    static func isBounce(_ root: MIMEEntity, from: MailAddress?) -> Bool {
        if root.mediaType == "multipart/report", root.contentType["report-type"]?.lowercased() == "delivery-status" {
            return true
        }
        let local = from?.address.split(separator: "@").first?.lowercased() ?? ""
        guard local == "mailer-daemon" || local == "postmaster" else { return false }
        var stack = [root]
        while let entity = stack.popLast() {
            if entity.mediaType == "message/delivery-status" || entity.mediaType == "message/global-delivery-status" {
                return true
            }
            stack += entity.children
        }
        return false
    }

    /// Tabs and runs of spaces (left by unfolding) as one space, trimmed.
    static func collapseSpaces(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            let isSpace = character == " " || character == "\t" || character.isNewline
            if isSpace {
                if !lastWasSpace { result.append(" ") }
            } else {
                result.append(character)
            }
            lastWasSpace = isSpace
        }
        return result.trimmingSpaces()
    }
}
