/// One MIME entity of a received message (RFC 2045/2046): its header, content type and body range, and
/// for a multipart its parts.
struct MIMEEntity: Sendable {
    var header: HeaderSection
    /// `Content-Type`, its value in lower case (`text/plain` when absent or malformed).
    var contentType: HeaderParameters
    /// `Content-Disposition`, if any.
    var disposition: HeaderParameters?
    /// `Content-Transfer-Encoding` in lower case (`7bit` when absent).
    var transferEncoding: String
    /// The body in the message's bytes, still transfer-encoded.
    var body: Range<Int>
    /// The parts of a multipart (empty otherwise, and for a multipart whose boundary never appears).
    var children: [MIMEEntity] = []

    var mediaType: String { contentType.value }
    var isMultipart: Bool { mediaType.hasPrefix("multipart/") && !children.isEmpty }

    /// The file name from `Content-Disposition` or, failing that, the `Content-Type` name.
    var filename: String? {
        let name = disposition?["filename"] ?? contentType["name"]
        return name?.trimmingSpaces().isEmpty == false ? name : nil
    }
}

/// Builds the tree of MIME entities of a message, within ``InboundLimits``.
struct MIMETreeBuilder {
    let bytes: [UInt8]
    let limits: InboundLimits
    private(set) var partCount = 0

    init(bytes: [UInt8], limits: InboundLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// The entity in `range`; `depth` counts enclosing multiparts.
    mutating func entity(
        in range: Range<Int>, depth: Int, defaultType: String
    ) throws(InboundParseError) -> MIMEEntity {
        partCount += 1
        if partCount > limits.maxParts { throw .tooManyParts }
        let header = try HeaderSection.parse(bytes, in: range, maxFields: limits.maxHeaders, requireField: true)
        var contentType = HeaderParameters(header.first("content-type") ?? defaultType)
        if !contentType.value.contains("/") { contentType = HeaderParameters(defaultType) }
        var entity = MIMEEntity(
            header: header,
            contentType: contentType,
            disposition: header.first("content-disposition").map(HeaderParameters.init),
            transferEncoding: (header.first("content-transfer-encoding") ?? "7bit").lowercased().trimmingSpaces(),
            body: header.bodyStart..<range.upperBound
        )
        guard contentType.value.hasPrefix("multipart/") else { return entity }
        guard let boundary = contentType["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            entity.contentType = HeaderParameters("text/plain")
            return entity
        }
        if depth + 1 > min(limits.maxDepth, InboundLimits.hardMaxDepth) { throw .nestingTooDeep }
        guard let ranges = try split(entity.body, boundary: boundary) else {
            entity.contentType = HeaderParameters("text/plain")
            return entity
        }
        let childType = contentType.value == "multipart/digest" ? "message/rfc822" : "text/plain"
        for part in ranges {
            entity.children.append(try self.entity(in: part, depth: depth + 1, defaultType: childType))
        }
        if entity.children.isEmpty { entity.contentType = HeaderParameters("text/plain") }
        return entity
    }

    /// The ranges of the parts between delimiter lines (`--boundary`, closed by `--boundary--`); the line
    /// break before a delimiter belongs to it. A missing close delimiter ends the last part at the end of
    /// the body. Nil when no delimiter appears.
    private func split(_ body: Range<Int>, boundary: String) throws(InboundParseError) -> [Range<Int>]? {
        let delimiter = Array(("--" + boundary.trimmingSpaces()).utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = body.lowerBound
        while lineStart < body.upperBound {
            var lineEnd = lineStart
            while lineEnd < body.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < body.upperBound ? lineEnd + 1 : lineEnd
            if lineEnd - lineStart >= delimiter.count, bytes[lineStart] == UInt8(ascii: "-"),
               bytes[lineStart..<lineStart + delimiter.count].elementsEqual(delimiter) {
                let rest = bytes[(lineStart + delimiter.count)..<lineEnd]
                let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                let isOpen = rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if isClose || isOpen {
                    if let start = partStart {
                        var end = lineStart
                        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
                        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                        parts.append(start..<max(start, end))
                        if parts.count > limits.maxParts { throw .tooManyParts }
                    }
                    if isClose { return parts }
                    partStart = next
                }
            }
            lineStart = next
        }
        guard let start = partStart else { return nil }
        parts.append(start..<body.upperBound)
        return parts
    }
}
