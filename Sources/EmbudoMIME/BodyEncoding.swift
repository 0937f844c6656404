/// The Content-Transfer-Encoding of a message body, and the encoders. Both keep lines at 76 characters,
/// far below SMTP's 998.
public enum BodyEncoding: String, Sendable {
    /// Mostly ASCII text (HTML in Latin scripts): readable, `=XX` for the rest.
    case quotedPrintable = "quoted-printable"
    /// Text that is mostly non-ASCII (CJK, Cyrillic...): a third larger than the bytes.
    case base64

    /// The cheaper encoding for these bytes: quoted-printable unless more than a sixth would be escaped.
    public static func choose(for bytes: [UInt8]) -> BodyEncoding {
        let escaped = bytes.count(where: { $0 >= 0x7F || ($0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09) || $0 == 0x3D })
        return escaped * 6 > bytes.count ? .base64 : .quotedPrintable
    }

    /// The bytes encoded, lines ending in CRLF (the last one too); they decode to exactly `bytes`.
    public func encode(_ bytes: [UInt8]) -> String {
        switch self {
        case .quotedPrintable: Self.quotedPrintable(bytes)
        case .base64: Self.base64(bytes)
        }
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let encoded = Array(Base64.encode(bytes).utf8)
        var output = ""
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            output += String(decoding: encoded[start..<end], as: UTF8.self) + "\r\n"
            start = end
        }
        return output
    }

    /// RFC 2045 §6.7: line breaks of the text become CRLF; `=`, non-ASCII and control bytes become `=XX`;
    /// a space or tab before a line break is escaped too; lines longer than 76 get soft breaks (`=`).
    /// Since SMTP needs a final line break, the last line of a text without one ends in a soft break.
    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        var line: [UInt8] = []

        func endLine(soft: Bool) {
            output += line
            if soft { output.append(UInt8(ascii: "=")) }
            output += [0x0D, 0x0A]
            line = []
        }
        func append(_ token: [UInt8]) {
            // 75 leaves room for the soft break's `=`.
            if line.count + token.count > 75 { endLine(soft: true) }
            line += token
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                // CRLF, LF or a lone CR: one hard line break.
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                endLine(soft: false)
                index += 1
                continue
            }
            let atLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0D || bytes[index + 1] == 0x0A
            let literal = (byte >= 0x21 && byte <= 0x7E && byte != 0x3D) || ((byte == 0x20 || byte == 0x09) && !atLineEnd)
            append(literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            index += 1
        }
        // A text that does not end with a line break ends with a soft one, so that it decodes exactly.
        if !line.isEmpty { endLine(soft: true) }
        return String(decoding: output, as: UTF8.self)
    }
}
