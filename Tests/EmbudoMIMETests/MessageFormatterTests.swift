import EmbudoMIME
import Testing

/// The message formatter and its parts: addresses, header encoding, body encodings, dates.
struct MessageFormatterTests {
    let mail = OutgoingMail(
        id: 42, from: "\"Équipe Embudo\" <crm@example.com>", to: "Ana Pérez <ana@example.com>, bob@example.com",
        cc: "\"Doe, Carol\" <carol@example.com>; bob@example.com", replyTo: "sales@example.com",
        subject: "Propuesta año ✓", bodyHTML: "<p>Hola</p>\n.hidden dot\n<p>a=b</p>"
    )

    func format(_ mail: OutgoingMail) throws -> FormattedMail {
        try MessageFormatter().format(mail, secondsSince1970: 1_795_815_272, uniqueID: "abc123")
    }

    func headers(_ formatted: FormattedMail) -> [String] {
        let head = formatted.content.split(separator: "\r\n\r\n", maxSplits: 1)[0]
        return head.split(separator: "\r\n").map(String.init)
    }

    @Test func envelopeHasEveryRecipientOnce() throws {
        let formatted = try format(mail)
        #expect(formatted.sender == "crm@example.com")
        #expect(formatted.recipients == ["ana@example.com", "bob@example.com", "carol@example.com"])
        #expect(formatted.messageID == "<abc123.42@example.com>")
    }

    @Test func headersAreEncodedAndComplete() throws {
        let lines = headers(try format(mail))
        #expect(lines == [
            "Date: Fri, 27 Nov 2026 21:34:32 +0000",
            "From: =?UTF-8?B?w4lxdWlwZSBFbWJ1ZG8=?= <crm@example.com>",
            "To: =?UTF-8?B?QW5hIFDDqXJleg==?= <ana@example.com>, bob@example.com",
            "Cc: \"Doe, Carol\" <carol@example.com>, bob@example.com",
            "Reply-To: sales@example.com",
            "Subject: =?UTF-8?B?UHJvcHVlc3RhIGHDsW8g4pyT?=",
            "Message-ID: <abc123.42@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ])
    }

    @Test func asciiSubjectStaysReadableAndLongOnesFold() throws {
        var ascii = mail
        ascii.subject = "Quarterly review"
        #expect(headers(try format(ascii)).contains("Subject: Quarterly review"))

        var long = mail
        long.subject = String(repeating: "word ", count: 60) + "end"
        let content = try format(long).content
        let subjectLines = content.split(separator: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subjectLines.count > 1)
        #expect(subjectLines.allSatisfy { $0.utf8.count <= 78 })
        // Unfolding gives the subject back.
        #expect(subjectLines.joined().dropFirst("Subject: ".count) == long.subject[...])

        var longUnicode = mail
        longUnicode.subject = String(repeating: "ñandú ", count: 40)
        let words = try format(longUnicode).content.split(separator: "\r\n").filter { $0.contains("=?UTF-8?B?") }
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func subjectCannotInjectHeaders() throws {
        var sneaky = mail
        sneaky.subject = "Hello\r\nBcc: victim@example.com"
        let lines = headers(try format(sneaky))
        #expect(!lines.contains { $0.hasPrefix("Bcc:") })
        #expect(lines.contains("Subject: Hello  Bcc: victim@example.com"))
    }

    @Test func noEmptyCcOrReplyTo() throws {
        var plain = mail
        plain.cc = nil
        plain.replyTo = ""
        let lines = headers(try format(plain))
        #expect(!lines.contains { $0.hasPrefix("Cc:") || $0.hasPrefix("Reply-To:") })
    }

    @Test func everyLineIsASCIIAndShort() throws {
        var big = mail
        big.bodyHTML = "<p>" + String(repeating: "Línea larguísima sin saltos de línea. ", count: 200) + "</p>"
        big.to = (1...40).map { "Recipient Number \($0) <r\($0)@example.com>" }.joined(separator: ", ")
        let content = try format(big).content
        #expect(content.utf8.allSatisfy { $0 < 0x80 })
        #expect(content.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func mostlyNonASCIIBodiesUseBase64() throws {
        var cjk = mail
        cjk.bodyHTML = "<p>" + String(repeating: "漏斗管理", count: 50) + "</p>"
        let lines = headers(try format(cjk))
        #expect(lines.contains("Content-Transfer-Encoding: base64"))
        #expect(BodyEncoding.choose(for: Array("<p>Hello</p>".utf8)) == .quotedPrintable)
    }

    @Test func invalidOrMissingAddressesArePermanentErrors() throws {
        var noRecipients = mail
        noRecipients.to = " , "
        noRecipients.cc = nil
        #expect(throws: MailFormatError.noRecipients) { try format(noRecipients) }

        var badTo = mail
        badTo.to = "ana@example.com, not an address"
        #expect(throws: MailFormatError.invalidAddress("not an address")) { try format(badTo) }

        var injected = mail
        injected.to = "ana@example.com>\r\nRCPT TO:<evil@example.com"
        #expect(throws: MailFormatError.self) { try format(injected) }

        var noFrom = mail
        noFrom.from = ""
        #expect(throws: MailFormatError.noSender) { try format(noFrom) }

        // One sender: the envelope and the From header must not disagree about who sends.
        var twoSenders = mail
        twoSenders.from = "crm@example.com, ceo@other.example"
        #expect(throws: MailFormatError.severalSenders) { try format(twoSenders) }
    }

    @Test func theRecordedMessageIDIsUsed() throws {
        var recorded = mail
        recorded.messageID = "0123456789abcdef0123456789abcdef@acme.example"
        let formatted = try format(recorded)
        #expect(formatted.messageID == "<0123456789abcdef0123456789abcdef@acme.example>")
        #expect(headers(formatted).contains("Message-ID: <0123456789abcdef0123456789abcdef@acme.example>"))
        // One that could break the header is not used.
        recorded.messageID = "x@y>\r\nBcc: evil@example.com"
        #expect(try format(recorded).messageID == "<abc123.42@example.com>")
    }
}

/// Address lists as Odoo stores them.
struct MailAddressTests {
    @Test func parsesNamesQuotesAndSeparators() throws {
        let list = try MailAddress.parseList(#"Ana <ana@example.com>, "Doe, John" <john@example.com>; bob@example.com,, <c@example.com>"#)
        #expect(list.map(\.address) == ["ana@example.com", "john@example.com", "bob@example.com", "c@example.com"])
        #expect(list.map(\.name) == ["Ana", "Doe, John", nil, nil])
        // Scalar by scalar, as PostgreSQL checks senders: a combining mark after a quote does not hide it.
        let combined = try MailAddress.parseList("\"\u{301}, x\" <ceo@other.example>")
        #expect(combined.map(\.address) == ["ceo@other.example"])
    }

    @Test func unescapesAndRequotesNames() throws {
        let address = try MailAddress.parse(#""Ana \"la jefa\" Pérez" <ana@example.com>"#)
        #expect(address.name == #"Ana "la jefa" Pérez"#)
        #expect(try MailAddress.parse(#""Ana \"la jefa\"" <ana@example.com>"#).description == #""Ana \"la jefa\"" <ana@example.com>"#)
    }

    @Test(arguments: ["ana", "@example.com", "ana@", "ana@b@c", "an a@example.com", "año@example.com", "<ana@example.com", "Ana <ana@example.com> x"])
    func rejectsInvalidAddresses(_ text: String) {
        #expect(throws: MailFormatError.self) { try MailAddress.parseList(text) }
    }
}

/// Content-Transfer-Encodings, dates and dot-stuffing.
struct EncodingTests {
    @Test func quotedPrintable() {
        #expect(BodyEncoding.quotedPrintable.encode(Array("a=b é".utf8)) == "a=3Db =C3=A9=\r\n")
        #expect(BodyEncoding.quotedPrintable.encode(Array("one \nline two\r\n".utf8)) == "one=20\r\nline two\r\n")
        let long = BodyEncoding.quotedPrintable.encode(Array(String(repeating: "x", count: 200).utf8))
        let lines = long.split(separator: "\r\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.utf8.count <= 76 } && lines.dropLast().allSatisfy { $0.hasSuffix("=") })
    }

    @Test func base64LinesAre76() {
        let encoded = BodyEncoding.base64.encode(Array(repeating: 0xFF, count: 100))
        #expect(encoded.split(separator: "\r\n").map(\.count) == [76, 60])
        #expect(BodyEncoding.base64.encode(Array("Propuesta año ✓".utf8)) == "UHJvcHVlc3RhIGHDsW8g4pyT\r\n")
    }

    @Test func dates() {
        #expect(MailDate.format(secondsSince1970: 0) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(secondsSince1970: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(MailDate.format(secondsSince1970: -86_400) == "Wed, 31 Dec 1969 00:00:00 +0000")
        #expect(MailDate.format(secondsSince1970: 1_795_815_272) == "Fri, 27 Nov 2026 21:34:32 +0000")
    }
}

/// Meeting invitations: the HTML and the iCalendar object as alternatives, and the object again as
/// `invite.ics`.
struct InvitationFormatterTests {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@embudo\r\nSUMMARY:Reunión\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

    func format(method: String) throws -> String {
        let mail = OutgoingMail(
            id: 7, from: "ana@example.com", to: "cliente@example.com", subject: "Invitación", bodyHTML: "<p>Hola</p>",
            calendar: CalendarPart(method: method, text: ics)
        )
        return try MessageFormatter().format(mail, secondsSince1970: 1_795_815_272, uniqueID: "u1").content
    }

    @Test func invitationHasTheCalendarAsAlternativeAndAttachment() throws {
        let content = try format(method: "REQUEST")
        #expect(content.contains("Content-Type: multipart/mixed; boundary=\"=_embudo_mixed_7_u1\"\r\n"))
        #expect(content.contains("--=_embudo_mixed_7_u1\r\nContent-Type: multipart/alternative; boundary=\"=_embudo_alt_7_u1\"\r\n"))
        #expect(content.contains("--=_embudo_alt_7_u1\r\nContent-Type: text/html; charset=utf-8\r\n"))
        #expect(content.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\n"))
        #expect(content.contains("Content-Type: application/ics; name=\"invite.ics\"\r\nContent-Disposition: attachment; filename=\"invite.ics\"\r\n"))
        #expect(content.contains("--=_embudo_alt_7_u1--\r\n--=_embudo_mixed_7_u1\r\nContent-Type: application/ics"))
        #expect(content.hasSuffix("--=_embudo_mixed_7_u1--\r\n"))
        // The calendar's CRLF lines survive the transfer encoding (quoted-printable: hard line breaks).
        #expect(content.contains("BEGIN:VEVENT\r\nUID:x@embudo\r\nSUMMARY:Reuni=C3=B3n\r\n"))
    }

    @Test func anUnknownMethodSendsTheHTMLAlone() throws {
        let content = try format(method: "REQUEST\r\nBcc: x@evil.example")
        #expect(!content.contains("text/calendar") && !content.contains("Bcc:"))
        #expect(content.contains("Content-Type: text/html; charset=utf-8\r\n"))
    }
}
