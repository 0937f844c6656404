/// Walks a message's MIME tree and collects its text and HTML bodies, attachments and, for a bounce, the
/// delivery status.
struct BodyCollector {
    let bytes: [UInt8]
    let limits: InboundLimits
    /// Whether the message is a bounce: its status and returned message are read rather than attached.
    let isBounce: Bool

    var text: String?
    var html: String?
    var attachments: [InboundAttachment] = []
    var bouncedRecipient: String?
    var bouncedMessageID: String?
    private var decodedTotal = 0

    init(bytes: [UInt8], limits: InboundLimits, isBounce: Bool) {
        self.bytes = bytes
        self.limits = limits
        self.isBounce = isBounce
    }

    /// Collects from `entity` and its parts. Recursion follows the tree, whose depth the builder bounds.
    mutating func walk(_ entity: MIMEEntity, inAlternative: Bool = false) throws(InboundParseError) {
        let type = entity.mediaType
        if entity.isMultipart {
            let alternative = type == "multipart/alternative"
            for child in entity.children { try walk(child, inAlternative: alternative) }
            return
        }
        switch type {
        case "message/delivery-status", "message/global-delivery-status":
            if isBounce {
                readDeliveryStatus(try decode(entity))
                return
            }
        case "text/rfc822-headers", "message/rfc822-headers", "message/rfc822", "message/global":
            if isBounce {
                let data = try decode(entity)
                let header = try? HeaderSection.parse(data, in: 0..<data.count, maxFields: limits.maxHeaders)
                if bouncedMessageID == nil { bouncedMessageID = MessageIDs.first(header?.first("message-id")) }
                return
            }
        default:
            break
        }
        let disposition = entity.disposition?.value
        if type == "text/plain" || type == "text/html", disposition != "attachment", entity.filename == nil {
            let decoded = Self.normalizeNewlines(
                Charset(name: entity.contentType["charset"] ?? "").decode(try decode(entity))
            )
            if type == "text/plain" {
                text = Self.merge(text, decoded, inAlternative: inAlternative, separator: "\n\n")
            } else {
                html = Self.merge(html, decoded, inAlternative: inAlternative, separator: "\n")
            }
            return
        }
        try attach(entity)
    }

    private static func merge(_ existing: String?, _ new: String, inAlternative: Bool, separator: String) -> String {
        guard let existing else { return new }
        return inAlternative ? existing : existing + separator + new
    }

    private mutating func attach(_ entity: MIMEEntity) throws(InboundParseError) {
        let data = try decode(entity)
        let type = entity.mediaType
        var name = entity.filename.map(Self.safeFilename) ?? ""
        if name.isEmpty, type == "message/rfc822" || type == "message/global" {
            let header = try? HeaderSection.parse(data, in: 0..<data.count, maxFields: limits.maxHeaders)
            let subject = header?.first("subject").map { EncodedWords.decode($0) } ?? ""
            // A subject is not a path: its slashes stay in the name, as dashes.
            name = Self.safeFilename(String(subject.map { $0 == "/" || $0 == "\\" ? "-" : $0 }))
            if !name.isEmpty { name += ".eml" }
        }
        if name.isEmpty { name = "attachment-\(attachments.count + 1)" + Self.fileExtension(type) }
        if data.count > limits.maxAttachmentBytes { throw .attachmentTooLarge(name) }
        let contentID = entity.header.first("content-id").flatMap {
            MessageIDs.first($0) ?? ($0.isEmpty ? nil : $0)
        }
        attachments.append(InboundAttachment(filename: name, contentType: type, contentID: contentID, data: data))
    }

    /// The entity's body without its transfer encoding, counted against the decoded size limit.
    private mutating func decode(_ entity: MIMEEntity) throws(InboundParseError) -> [UInt8] {
        let data = TransferEncoding.decode(bytes[entity.body], encoding: entity.transferEncoding)
        decodedTotal += data.count
        if decodedTotal > limits.maxBytes { throw .tooLarge }
        return data
    }

    /// `Final-Recipient` (else `Original-Recipient`) of a `message/delivery-status` body: its groups of
    /// fields are separated by empty lines.
    private mutating func readDeliveryStatus(_ data: [UInt8]) {
        var start = 0
        var finalRecipient: String?, originalRecipient: String?
        var groups = 0
        while start < data.count, groups < 100 {
            guard let section = try? HeaderSection.parse(data, in: start..<data.count, maxFields: limits.maxHeaders)
            else { break }
            finalRecipient = finalRecipient ?? section.first("final-recipient")
            originalRecipient = originalRecipient ?? section.first("original-recipient")
            guard section.bodyStart > start else { break }
            start = section.bodyStart
            groups += 1
        }
        guard let raw = finalRecipient ?? originalRecipient else { return }
        // "rfc822; user@example.com"
        let address = raw.split(separator: ";", maxSplits: 1).last.map { $0.trimmingSpaces() } ?? ""
        let bare = address.hasPrefix("<") && address.hasSuffix(">") ? String(address.dropFirst().dropLast()) : address
        if bouncedRecipient == nil, !bare.isEmpty { bouncedRecipient = bare }
    }

    /// Text with CRLF (and lone CR) line breaks as LF.
    static func normalizeNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n", previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// A file name without directories, control characters or surrounding spaces, at most 255 characters.
    static func safeFilename(_ raw: String) -> String {
        let lastComponent = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let scalars = lastComponent.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        let name = String(String(String.UnicodeScalarView(scalars)).trimmingSpaces().prefix(255))
        return name == "." || name == ".." ? "" : name
    }

    static func fileExtension(_ type: String) -> String {
        switch type {
        case "application/pdf": ".pdf"
        case "image/png": ".png"
        case "image/jpeg", "image/jpg": ".jpg"
        case "image/gif": ".gif"
        case "text/plain": ".txt"
        case "text/html": ".html"
        case "text/calendar": ".ics"
        case "message/rfc822", "message/global": ".eml"
        default: ".bin"
        }
    }
}
