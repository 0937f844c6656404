/// One header field as read: the name and the unfolded value, encoded words still encoded.
struct RawHeader: Sendable, Equatable {
    var name: String
    var value: String
    /// The name in lower case, for lookups.
    var key: String
}

/// The header section of a message or MIME part (RFC 5322 §2.2): fields until the first empty line.
struct HeaderSection: Sendable {
    var fields: [RawHeader] = []
    /// Where the body starts (after the empty line), or the end of the entity when there is none.
    var bodyStart: Int

    /// The unfolded value of the first field with this lower-case name.
    func first(_ key: String) -> String? {
        fields.first { $0.key == key }?.value
    }

    /// The unfolded values of every field with this lower-case name.
    func all(_ key: String) -> [String] {
        fields.filter { $0.key == key }.map(\.value)
    }

    /// Reads the header section of `bytes[range]`. Lines end in LF or CRLF; a line starting with a space or
    /// a tab continues the previous field. Lines that are not fields (no colon, or a malformed name, such as
    /// an mbox `From ` line) are skipped. When `requireField` is set and the very first line is not a field
    /// nor an empty line, there is no header section: the whole range is body.
    static func parse(
        _ bytes: [UInt8], in range: Range<Int>, maxFields: Int, requireField: Bool = false
    ) throws(InboundParseError) -> HeaderSection {
        var section = HeaderSection(bodyStart: range.upperBound)
        var index = range.lowerBound
        var currentName: String?
        var currentValue: [UInt8] = []
        var isFirstLine = true

        func finish() throws(InboundParseError) {
            guard let name = currentName else { return }
            if section.fields.count >= maxFields { throw .tooManyHeaders }
            let value = HeaderSection.text(currentValue).trimmingSpaces()
            section.fields.append(RawHeader(name: name, value: value, key: name.lowercased()))
            currentName = nil
            currentValue = []
        }

        while index < range.upperBound {
            var lineEnd = index
            while lineEnd < range.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < range.upperBound ? lineEnd + 1 : lineEnd
            var contentEnd = lineEnd
            if contentEnd > index, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            defer { isFirstLine = false }

            if contentEnd == index {
                // The empty line that ends the header section.
                try finish()
                section.bodyStart = next
                return section
            }
            let first = bytes[index]
            if first == 0x20 || first == 0x09 {
                if currentName != nil, currentValue.count < InboundLimits.maxHeaderFieldBytes {
                    let room = InboundLimits.maxHeaderFieldBytes - currentValue.count
                    currentValue.append(contentsOf: bytes[index..<min(contentEnd, index + room)])
                }
                index = next
                continue
            }
            try finish()
            if let colon = fieldColon(bytes, from: index, to: contentEnd) {
                var nameEnd = colon
                while nameEnd > index, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
                currentName = String(decoding: bytes[index..<nameEnd], as: UTF8.self)
                let valueStart = colon + 1
                let valueEnd = min(contentEnd, valueStart + InboundLimits.maxHeaderFieldBytes)
                currentValue = Array(bytes[valueStart..<valueEnd])
            } else if isFirstLine, requireField {
                section.bodyStart = range.lowerBound
                return section
            }
            index = next
        }
        try finish()
        section.bodyStart = range.upperBound
        return section
    }

    /// The colon ending a field name at the start of the line: the name is 1 to 76 printable ASCII
    /// characters (spaces allowed only between it and the colon).
    private static func fieldColon(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = start
        var sawSpace = false
        while index < end, index - start <= 80 {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index > start && !(sawSpace && index == start) ? index : nil }
            if byte == 0x20 || byte == 0x09 {
                sawSpace = true
            } else if sawSpace || byte < 0x21 || byte > 0x7E {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Header bytes as text: UTF-8 when valid (RFC 6532), else Windows-1252. Folding line breaks are
    /// already gone; other control characters become spaces.
    static func text(_ bytes: [UInt8]) -> String {
        let cleaned = bytes.map { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F ? 0x20 : $0 }
        return Charset.decodeUndeclared(cleaned)
    }
}
