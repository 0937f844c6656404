/// The character sets of received mail, decoded to Swift strings without Foundation.
///
/// UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15, Windows-1252 and UTF-16 are known. Text without a charset
/// (or declared US-ASCII) is read as UTF-8 when it is valid UTF-8, else as Windows-1252 (a superset of
/// Latin-1 in practice). Any other charset is read as UTF-8, invalid bytes becoming U+FFFD.
enum Charset: Sendable, Equatable {
    case utf8, ascii, latin1, latin9, windows1252, utf16, utf16LE, utf16BE, unknown

    /// The charset named by a MIME `charset` parameter or an encoded word (case-insensitive; an RFC 2231
    /// language suffix such as `*en` is ignored).
    init(name: String) {
        var key = name.lowercased().trimmingSpaces()
        if let star = key.firstIndex(of: "*") { key = String(key[..<star]) }
        key.removeAll { $0 == "\"" || $0 == "'" }
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367": self = .ascii
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100":
            self = .latin1
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9": self = .latin9
        case "windows-1252", "cp1252", "x-cp1252", "cp-1252", "win-1252", "ms-ansi": self = .windows1252
        case "utf-16", "utf16": self = .utf16
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        default: self = .unknown
        }
    }

    /// The bytes as text in this charset.
    func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8, .unknown:
            return String(decoding: bytes, as: UTF8.self)
        case .ascii:
            return Self.decodeUndeclared(bytes)
        case .latin1:
            return Self.decodeSingleByte(bytes) { Unicode.Scalar($0) }
        case .latin9:
            return Self.decodeSingleByte(bytes) { Self.latin9Scalar($0) }
        case .windows1252:
            return Self.decodeSingleByte(bytes) { Self.windows1252Scalar($0) }
        case .utf16, .utf16LE, .utf16BE:
            return decodeUTF16(Array(bytes))
        }
    }

    /// Text with no (or a US-ASCII) charset: UTF-8 when valid, else Windows-1252.
    static func decodeUndeclared(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return decodeSingleByte(bytes) { windows1252Scalar($0) }
    }

    private static func decodeSingleByte(_ bytes: some Collection<UInt8>, _ map: (UInt8) -> Unicode.Scalar) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(map(byte)) }
        return String(scalars)
    }

    private func decodeUTF16(_ bytes: [UInt8]) -> String {
        var bigEndian = self == .utf16BE
        var start = 0
        if bytes.count >= 2 {
            if bytes[0] == 0xFE, bytes[1] == 0xFF, self != .utf16LE { bigEndian = true; start = 2 }
            else if bytes[0] == 0xFF, bytes[1] == 0xFE, self != .utf16BE { bigEndian = false; start = 2 }
            else if self == .utf16 { bigEndian = true }
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = start
        while index + 1 < bytes.count {
            let high = UInt16(bytes[index]), low = UInt16(bytes[index + 1])
            units.append(bigEndian ? high << 8 | low : low << 8 | high)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// ISO-8859-15: Latin-1 with eight code points replaced (the euro sign among them).
    static func latin9Scalar(_ byte: UInt8) -> Unicode.Scalar {
        let value: UInt32 = switch byte {
        case 0xA4: 0x20AC
        case 0xA6: 0x0160
        case 0xA8: 0x0161
        case 0xB4: 0x017D
        case 0xB8: 0x017E
        case 0xBC: 0x0152
        case 0xBD: 0x0153
        case 0xBE: 0x0178
        default: UInt32(byte)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Windows-1252 in 0x80...0x9F (the five unassigned bytes map to the C1 control of the same value, as
    /// browsers do); Latin-1 elsewhere.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard byte >= 0x80, byte < 0xA0 else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}"
    }
}
