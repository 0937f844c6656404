/// Turns a queued message into an e-mail: the SMTP envelope and the RFC 5322 / MIME text. Pure: the date
/// and the unique part of the Message-ID come from the caller, so the output is reproducible.
public struct MessageFormatter: Sendable {
    /// The domain of Message-IDs; nil takes the sender's domain.
    public var messageIDDomain: String?

    public init(messageIDDomain: String? = nil) {
        self.messageIDDomain = messageIDDomain
    }

    /// Formats `mail`.
    ///
    /// - Parameters:
    ///   - secondsSince1970: the `Date` header's time.
    ///   - uniqueID: the unique part of the Message-ID (letters, digits, dots), used only when the mail
    ///     has no recorded Message-ID.
    /// - Throws: ``MailFormatError`` when an address is invalid or missing, or when there is more than one
    ///   sender: permanent for this message.
    public func format(_ mail: OutgoingMail, secondsSince1970: Int, uniqueID: String) throws(MailFormatError) -> FormattedMail {
        let senders = try MailAddress.parseList(mail.from)
        guard let from = senders.first else { throw .noSender }
        guard senders.count == 1 else { throw .severalSenders }
        let to = try MailAddress.parseList(mail.to)
        let cc = try MailAddress.parseList(mail.cc ?? "")
        let replyTo = try MailAddress.parseList(mail.replyTo ?? "")
        var recipients: [String] = []
        for address in (to + cc).map(\.address) where !recipients.contains(address) {
            recipients.append(address)
        }
        guard !recipients.isEmpty else { throw .noRecipients }

        let messageID: String
        if let recorded = mail.messageID, Self.isValidMessageID(recorded) {
            messageID = "<\(recorded)>"
        } else {
            let domain = messageIDDomain ?? from.address.split(separator: "@").last.map(String.init) ?? "localhost"
            messageID = "<\(uniqueID).\(mail.id)@\(domain)>"
        }

        var headers = HeaderEncoding.field("Date", MailDate.format(secondsSince1970: secondsSince1970))
        headers += HeaderEncoding.field("From", from.description)
        if !to.isEmpty { headers += HeaderEncoding.field("To", Self.list(to)) }
        if !cc.isEmpty { headers += HeaderEncoding.field("Cc", Self.list(cc)) }
        if !replyTo.isEmpty { headers += HeaderEncoding.field("Reply-To", Self.list(replyTo)) }
        headers += HeaderEncoding.field("Subject", HeaderEncoding.unstructured(Self.singleLine(mail.subject)))
        headers += HeaderEncoding.field("Message-ID", messageID)
        headers += HeaderEncoding.field("MIME-Version", "1.0")
        let html = Self.part(contentType: "text/html; charset=utf-8", Array(mail.bodyHTML.utf8))
        guard let calendar = mail.calendar, Self.isValidMethod(calendar.method) else {
            return FormattedMail(sender: from.address, recipients: recipients, content: headers + html, messageID: messageID)
        }
        // An invitation: the HTML and the calendar as alternatives (what mail clients show as an
        // invitation with its buttons), and the same calendar as an attachment (`invite.ics`) for the
        // clients that only look there.
        let ics = Array(calendar.text.utf8)
        let outer = "=_embudo_mixed_\(mail.id)_\(uniqueID)"
        let inner = "=_embudo_alt_\(mail.id)_\(uniqueID)"
        var content = headers + HeaderEncoding.field("Content-Type", "multipart/mixed; boundary=\"\(outer)\"") + "\r\n"
        content += "--\(outer)\r\n" + HeaderEncoding.field("Content-Type", "multipart/alternative; boundary=\"\(inner)\"") + "\r\n"
        content += "--\(inner)\r\n" + html
        content += "--\(inner)\r\n" + Self.part(contentType: "text/calendar; charset=utf-8; method=\(calendar.method)", ics)
        content += "--\(inner)--\r\n"
        content += "--\(outer)\r\n"
            + Self.part(contentType: "application/ics; name=\"invite.ics\"", ics, disposition: "attachment; filename=\"invite.ics\"")
        content += "--\(outer)--\r\n"
        return FormattedMail(sender: from.address, recipients: recipients, content: content, messageID: messageID)
    }

    /// One MIME entity: its headers, a blank line and the body in the cheaper transfer encoding.
    static func part(contentType: String, _ body: [UInt8], disposition: String? = nil) -> String {
        let encoding = BodyEncoding.choose(for: body)
        var headers = HeaderEncoding.field("Content-Type", contentType)
        if let disposition { headers += HeaderEncoding.field("Content-Disposition", disposition) }
        headers += HeaderEncoding.field("Content-Transfer-Encoding", encoding.rawValue)
        return headers + "\r\n" + encoding.encode(body)
    }

    /// Whether an iTIP method can go in a header parameter as it is (RFC 5546's methods are letters).
    static func isValidMethod(_ method: String) -> Bool {
        !method.isEmpty && method.utf8.count <= 20 && method.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    /// Whether a recorded Message-ID can go in the header as it is: `left@right`, ASCII letters, digits
    /// and `.-_+=`, at most 250 characters.
    static func isValidMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, id.utf8.count <= 250 else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || ".-_+=@".unicodeScalars.contains(scalar)
        }
    }

    static func list(_ addresses: [MailAddress]) -> String {
        addresses.map(\.description).joined(separator: ", ")
    }

    /// The text with its line breaks and tabs turned into spaces (a header is one logical line).
    static func singleLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }
}
