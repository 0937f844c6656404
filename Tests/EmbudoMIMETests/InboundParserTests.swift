import EmbudoMIME
import Foundation
import Testing

/// The inbound parser on realistic messages from the usual clients (files under `Corpus/`).
struct InboundParserTests {
    func address(_ name: String?, _ address: String) throws -> MailAddress {
        try MailAddress(name: name, address: address)
    }

    @Test func thunderbirdPlainTextLatin1WithFoldedEncodedSubject() throws {
        let message = try InboundCorpus.parse("thunderbird-plain.eml")
        #expect(message.subject == "Réunion de préparation du projet été")
        #expect(message.from == (try address("François Müller", "francois@example.fr")))
        #expect(message.to == [try address("Embudo CRM", "crm@embudo.test")])
        #expect(message.cc == [try address("Doe, Jane", "jane@example.com"), try address(nil, "bob@example.com")])
        #expect(message.deliveredTo.map(\.address) == ["crm@embudo.test", "sales@embudo.test"])
        #expect(message.messageID == "5f1c2a3b-0e4d-4c1e-9a77-1b2c3d4e5f60@example.fr")
        #expect(message.date == Date(timeIntervalSince1970: 1_795_712_645))
        #expect(message.textBody == "Bonjour,\n\nÇa va très bien, merci.\nFrançois\n")
        #expect(message.htmlBody == nil)
        #expect(message.bodyHTML == "<p>Bonjour,</p><p>Ça va très bien, merci.<br>François</p>")
        #expect(message.priority == nil)
        #expect(message.attachments.isEmpty)
        #expect(!message.isBounce)
        // The mbox "From " line is not a header; the rest are, in order.
        #expect(message.headers.first == InboundHeader(name: "X-Mozilla-Status", value: "0001"))
        #expect(message.header("subject") == "Réunion de préparation du projet été")
    }

    @Test func outlookAlternativeWindows1252QuotedPrintable() throws {
        let message = try InboundCorpus.parse("outlook-alternative.eml")
        #expect(message.messageID == "DB7PR01MB1234ABCD5678EF90@DB7PR01MB1234.eurprd01.prod.outlook.com")
        #expect(message.subject == "Presupuesto revisado")
        #expect(message.from == (try address("Ana Garcia", "ana.garcia@contoso.example")))
        #expect(message.to.map(\.address) == ["ventas@embudo.test"])
        #expect(message.date == Date(timeIntervalSince1970: 1_795_785_630 - 4 * 3600 - 5 * 60 - 29))
        #expect(message.priority == nil)
        let text = try #require(message.textBody)
        #expect(text.contains("Te envío el presupuesto: 1.250 € – “válido” hasta el viernes. It’s fine.\n"))
        let html = try #require(message.htmlBody)
        #expect(html.contains("<p>Te envío el presupuesto: <b>1.250 €</b> – “válido” hasta el viernes. It’s fine.</p>"))
        #expect(html.contains("<p>Hola Ana,</p>"))
        #expect(html.contains("&nbsp;"))
        for banned in ["style", "class", "MsoNormal", "o:p", "xml", "meta", "behavior", "<html", "<body", "[if"] {
            #expect(!html.contains(banned), "\(banned)")
        }
        #expect(message.bodyHTML == html)
        #expect(message.attachments.isEmpty)
    }

    @Test func gmailMixedAlternativeWithPDF() throws {
        let message = try InboundCorpus.parse("gmail-mixed.eml")
        #expect(message.subject == "Presupuesto año 2026 ✓")
        #expect(message.from == (try address("José Pérez", "jose.perez@gmail.example")))
        #expect(message.messageID == "CAF=x7Y+abc123DEF456@mail.gmail.com")
        #expect(message.date == Date(timeIntervalSince1970: 1_795_785_630))
        #expect(message.textBody == "Adjunto el presupuesto del año.\n")
        let html = try #require(message.htmlBody)
        #expect(html.hasPrefix(
            "<div>Adjunto el presupuesto del año.<div><br></div><div>Ver <a href=\"https://example.com/p?id=1&amp;x=2\">enlace</a></div></div>"
        ))
        #expect(message.attachments.count == 1)
        let pdf = try #require(message.attachments.first)
        #expect(pdf.filename == "Presupuesto 2026.pdf")
        #expect(pdf.contentType == "application/pdf")
        #expect(pdf.contentID == "f_lq1w2e3r0")
        #expect(pdf.data == (try InboundCorpus.bytes("gmail-attachment.pdf")))
    }

    @Test func appleMailRelatedInlineImage() throws {
        let message = try InboundCorpus.parse("apple-related.eml")
        #expect(message.from == (try address("Lucía Fernández", "lucia@icloud.example")))
        #expect(message.messageID == "A1B2C3D4-E5F6-7890-ABCD-EF1234567890@icloud.example")
        #expect(message.date == Date(timeIntervalSince1970: 1_795_849_200))
        #expect(message.textBody?.trimmingCharacters(in: .whitespacesAndNewlines) == "Mira el logo:")
        #expect(message.htmlBody == "Mira el logo:<div><img src=\"cid:5B8C1D2E-logo@icloud.example\" alt=\"logo\"></div>")
        #expect(message.attachments == [InboundAttachment(
            filename: "logo.png", contentType: "image/png", contentID: "5B8C1D2E-logo@icloud.example",
            data: try InboundCorpus.bytes("apple-logo.png")
        )])
    }

    @Test func replyThreadingHeaders() throws {
        let message = try InboundCorpus.parse("reply.eml")
        #expect(message.messageID == "reply-2@contoso.example")
        #expect(message.inReplyTo == "lead-42.1795815272@embudo.test")
        #expect(message.references == [
            "lead-42.1795815272@embudo.test",
            "DB7PR01MB1234ABCD5678EF90@DB7PR01MB1234.eurprd01.prod.outlook.com",
            "reply-1@contoso.example",
        ])
        #expect(message.from == (try address("Garcia, Ana", "ana.garcia@contoso.example")))
        #expect(message.replyTo == [try address("Compras Contoso", "compras@contoso.example")])
        #expect(message.subject == "RE: Presupuesto revisado")
        #expect(message.date == Date(timeIntervalSince1970: 1_795_780_800))
        #expect(message.textBody == "De acuerdo, ¡adelante!\n\n> Te envío el presupuesto.\n")
        #expect(message.bodyHTML == "<p>De acuerdo, ¡adelante!</p><p>&gt; Te envío el presupuesto.</p>")
    }

    @Test func bounceDeliveryStatus() throws {
        let message = try InboundCorpus.parse("bounce.eml")
        #expect(message.isBounce)
        #expect(message.bouncedRecipient == "nobody@example.org")
        #expect(message.bouncedMessageID == "lead-42.1795815272@embudo.test")
        #expect(message.messageID == "20261127130001.8A1B2C3D4E@mx.example.net")
        #expect(message.from?.address == "MAILER-DAEMON@mx.example.net")
        #expect(message.textBody?.contains("550 5.1.1 User unknown") == true)
        #expect(message.attachments.isEmpty)
    }

    @Test func rfc2231AndEncodedWordFilenames() throws {
        let message = try InboundCorpus.parse("rfc2231.eml")
        #expect(message.textBody == "Adjuntamos la factura.")
        #expect(message.attachments.map(\.filename) == ["Factura nº 1 €.pdf", "Señal.txt", "résumé.txt"])
        #expect(message.attachments.map(\.contentType) == ["application/pdf", "text/plain", "application/octet-stream"])
        #expect(message.attachments.first?.data == Array("%PDF-1.4\n".utf8))
        #expect(message.attachments.dropFirst().first?.data == Array("señal".utf8))
    }

    @Test func brokenMessageIsReadLeniently() throws {
        let message = try InboundCorpus.parse("broken.eml")
        #expect(message.subject == "Mensaje roto café")
        #expect(message.headers.map(\.name) == ["From", "To", "Subject", "Content-Type"])
        #expect(message.textBody == "Soft break, bad escape =ZZ and = sign; café")
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.filename == "data.bin")
        #expect(message.attachments.first?.data == Array("Hello, World!".utf8))
    }

    @Test func highPriority() throws {
        let message = try InboundCorpus.parse("priority.eml")
        #expect(message.priority == "2")
        #expect(message.subject == "URGENTE")
        #expect(message.date == Date(timeIntervalSince1970: 1_795_811_400))
        #expect(message.textBody == "Llámame ya.\n")
        #expect(message.from == (try address(nil, "jefe@example.com")))
    }

    @Test(arguments: [
        ("X-Priority: 2", "2"), ("X-Priority: 3 (Normal)", nil), ("X-Priority: 5", "0"), ("Importance: High", "2"),
        ("Importance: low", "0"), ("Importance: normal", nil), ("Priority: urgent", "2"), ("Priority: non-urgent", "0"),
        ("X-Mailer: none", nil),
    ] as [(String, String?)])
    func priorityMapping(header: String, expected: String?) throws {
        let message = try InboundParser.parse(Array("From: a@example.com\n\(header)\n\nbody".utf8))
        #expect(message.priority == expected)
    }

    @Test func hostileHTMLIsSanitised() throws {
        let message = try InboundCorpus.parse("hostile-html.eml")
        let html = try #require(message.htmlBody)
        for banned in ["<script", "alert", "onerror", "onload", "onclick", "javascript", "vbscript", "data:text",
                       "<iframe", "inside iframe", "in svg", "<svg", "<form", "password", "Send", "secret", "style",
                       "class", "target", "<html", "<head"] {
            #expect(!html.lowercased().contains(banned.lowercased()), "\(banned)")
        }
        #expect(html.contains("<p>Hola <b>amigo</b> &amp; co</p>"))
        #expect(html.contains("<img src=\"x\"><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"ok &quot;quoted&quot;\">"))
        #expect(html.contains("<a>uno</a> <a>dos</a> <a>tres</a>"))
        #expect(html.contains("<a>cuatro</a> <a>cinco</a>"))
        #expect(html.contains("<a href=\"https://embudo.test/ok?a=1&amp;b=2\">seis</a> <a href=\"mailto:ventas@embudo.test\">siete</a>"))
        #expect(html.contains("<table><tr><td colspan=\"2\">celda</td></tr></table>"))
        #expect(html.contains("1 &lt; 2 and kept text <div><span>unclosed"))
        #expect(html.hasSuffix("</span></div>"))
    }

    @Test func lineEndingsDoNotMatter() throws {
        for name in InboundCorpus.messages {
            let crlf = try InboundCorpus.bytes(name)
            var lf: [UInt8] = []
            for (index, byte) in crlf.enumerated() where !(byte == 0x0D && index + 1 < crlf.count && crlf[index + 1] == 0x0A) {
                lf.append(byte)
            }
            let a = try InboundParser.parse(crlf), b = try InboundParser.parse(lf)
            #expect(a.subject == b.subject, "\(name)")
            #expect(a.textBody == b.textBody, "\(name)")
            #expect(a.htmlBody == b.htmlBody, "\(name)")
            #expect(a.attachments.map(\.filename) == b.attachments.map(\.filename), "\(name)")
        }
    }

    @Test func errors() throws {
        #expect(throws: InboundParseError.empty) { try InboundParser.parse([]) }
        #expect(throws: InboundParseError.noHeaders) { try InboundParser.parse(Array("\r\n\r\nhello".utf8)) }
        #expect(throws: InboundParseError.noHeaders) { try InboundParser.parse(Array("just some text\nmore".utf8)) }
        var small = InboundLimits()
        small.maxBytes = 10
        #expect(throws: InboundParseError.tooLarge) { try InboundParser.parse(Array("Subject: hello world\n\n".utf8), limits: small) }
        var tiny = InboundLimits()
        tiny.maxAttachmentBytes = 4
        #expect(throws: InboundParseError.attachmentTooLarge("data.bin")) {
            try InboundParser.parse(InboundCorpus.bytes("broken.eml"), limits: tiny)
        }
        #expect(InboundParseError.tooManyParts.description == "the message has more MIME parts than the limit")
    }

    @Test func encodedWordsAndAddresses() throws {
        let raw = """
        From: =?utf-8?Q?=22Ib=C3=A1=C3=B1ez=2C_Jos=C3=A9=22?= <jose@example.com> (trabajo)
        To: undisclosed-recipients:;
        Cc: Equipo: ana@example.com, "B" <b@example.com>;, not an address, juan@example.com (Juan)
        Subject: =?UTF-8?B?4pyTIA==?= =?UTF-8?B?w6k=?=
         =?ISO-8859-15?Q?=A4uro?= plain =?windows-1252?Q?=93q=94?= =?utf-16?B?/v8AQQ==?=

        x
        """
        let message = try InboundParser.parse(Array(raw.utf8))
        #expect(message.from == (try address("Ibáñez, José", "jose@example.com")))
        #expect(message.to.isEmpty)
        #expect(message.cc == [try address(nil, "ana@example.com"), try address("B", "b@example.com"), try address("Juan", "juan@example.com")])
        #expect(message.subject == "✓ é€uro plain “q”A")
    }
}

/// Structures that the corpus files do not cover.
struct InboundStructureTests {
    @Test func forwardedMessageIsAnAttachment() throws {
        let raw = """
        From: a@example.com
        Subject: Fwd: pedido
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: text/plain

        Reenvío.
        --outer
        Content-Type: message/rfc822

        From: b@example.com
        Subject: =?utf-8?Q?Pedido_n=C2=BA_7/2026?=
        Message-ID: <orig@example.com>

        Hola
        --outer--
        """
        let message = try InboundParser.parse(Array(raw.utf8))
        #expect(!message.isBounce)
        #expect(message.bouncedMessageID == nil)
        #expect(message.textBody == "Reenvío.")
        #expect(message.attachments.map(\.filename) == ["Pedido nº 7-2026.eml"])
        #expect(message.attachments.first?.contentType == "message/rfc822")
        #expect(message.attachments.first.map { String(decoding: $0.data, as: UTF8.self).hasSuffix("\nHola") } == true)
    }

    @Test func mailerDaemonWithDeliveryStatusIsABounce() throws {
        let raw = """
        From: postmaster@mx.example.net
        Subject: failure notice
        Content-Type: multipart/mixed; boundary="b"

        --b

        Delivery failed.
        --b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        Original-Recipient: rfc822; <gone@example.org>
        Action: failed
        --b
        Content-Type: message/rfc822

        Message-ID: <sent-9@embudo.test>
        Subject: x

        body
        --b--
        """
        let message = try InboundParser.parse(Array(raw.utf8))
        #expect(message.isBounce)
        #expect(message.bouncedRecipient == "gone@example.org")
        #expect(message.bouncedMessageID == "sent-9@embudo.test")
        #expect(message.attachments.isEmpty)
        #expect(message.textBody == "Delivery failed.")
    }

    @Test func readReceiptIsNotABounce() throws {
        let raw = """
        From: ana@example.com
        Content-Type: multipart/report; report-type=disposition-notification; boundary=r

        --r
        Content-Type: text/plain

        Read.
        --r
        Content-Type: message/disposition-notification

        Final-Recipient: rfc822; ana@example.com
        Disposition: manual-action/MDN-sent-manually; displayed
        --r--
        """
        let message = try InboundParser.parse(Array(raw.utf8))
        #expect(!message.isBounce)
        #expect(message.bouncedRecipient == nil)
        #expect(message.textBody == "Read.")
        #expect(message.attachments.map(\.contentType) == ["message/disposition-notification"])
    }

    @Test func hostileFilenamesAndMissingBoundary() throws {
        let raw = """
        From: a@example.com
        Content-Type: multipart/mixed; boundary="never-used"

        just text
        --nx
        Content-Type: application/octet-stream; name="../../etc/passwd"
        """
        let message = try InboundParser.parse(Array(raw.utf8))
        #expect(message.attachments.isEmpty)
        #expect(message.textBody?.hasPrefix("just text") == true)

        let named = """
        From: a@example.com
        Content-Type: multipart/mixed; boundary=x

        --x
        Content-Type: application/octet-stream; name="..\\\\..\\\\win.ini"
        Content-Transfer-Encoding: base64

        QQ==
        --x
        Content-Type: image/png

        --x--
        """
        let parsed = try InboundParser.parse(Array(named.utf8))
        #expect(parsed.attachments.map(\.filename) == ["win.ini", "attachment-2.png"])
    }
}
