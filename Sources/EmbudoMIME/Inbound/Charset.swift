#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character sets of received mail, decoded to Swift strings without Foundation.
///
/// UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15, Windows-1252 and UTF-16 are decoded here. Every other
/// charset that mail uses (GB2312/GBK/GB18030, Big5, Shift_JIS, ISO-2022-JP, EUC-JP/KR, KOI8-R/U, the
/// other ISO-8859 and Windows-125x sets, UTF-7…) goes through the platform's converter, iconv (glibc's
/// on Linux), from a fixed list of names; mislabelled Chinese and Japanese mail is read with the supersets
/// mail clients use (GB18030 for GB2312 and GBK, CP932 for Shift_JIS, CP949 for EUC-KR). Text without a charset (or
/// declared US-ASCII) is read as UTF-8 when it is valid UTF-8, else as Windows-1252 (a superset of
/// Latin-1 in practice). Any other charset is read as UTF-8; bytes that are not valid in
/// their charset become U+FFFD.
enum Charset: Sendable, Equatable {
    case utf8, ascii, latin1, latin9, windows1252, utf16, utf16LE, utf16BE
    /// A charset converted by iconv, by its iconv name.
    case converted(String)
    case unknown

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
        case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "x-euc-cn", "gb18030", "chinese": self = .converted("GB18030")
        case "big5", "x-big5", "cn-big5", "big5-hkscs", "csbig5": self = .converted("BIG5-HKSCS")
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "csshiftjis": self = .converted("CP932")
        case "euc-kr", "ks_c_5601-1987", "ksc5601", "cp949", "windows-949", "x-windows-949": self = .converted("CP949")
        case "iso-2022-jp", "csiso2022jp": self = .converted("ISO-2022-JP")
        case "euc-jp", "x-euc-jp", "eucjp": self = .converted("EUC-JP")
        case "koi8-r", "cskoi8r": self = .converted("KOI8-R")
        case "koi8-u": self = .converted("KOI8-U")
        case "utf-7", "unicode-1-1-utf-7", "csunicode11utf7": self = .converted("UTF-7")
        case "windows-874", "cp874", "tis-620", "x-windows-874": self = .converted("CP874")
        default:
            // The ISO-8859 and Windows-125x families by number; nothing else reaches iconv, whose rarer
            // converters (EBCDIC, IBM93x…) have had bugs and have no place in mail.
            self = Self.numbered(key) ?? .unknown
        }
    }

    /// ISO-8859-2…16 and Windows-1250…1258, however mail spells them.
    private static func numbered(_ key: String) -> Charset? {
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859"] where key.hasPrefix(prefix) {
            guard let number = Int(key.dropFirst(prefix.count)), (2...16).contains(number), number != 12 else { return nil }
            return .converted("ISO-8859-\(number)")
        }
        for prefix in ["windows-", "cp", "x-cp", "win-"] where key.hasPrefix(prefix) {
            guard let number = Int(key.dropFirst(prefix.count)), (1250...1258).contains(number) else { return nil }
            return .converted("WINDOWS-\(number)")
        }
        return nil
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
        case .converted(let name):
            return Self.iconvDecode(Array(bytes), from: name) ?? String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The bytes converted to text by iconv from the charset `name`, or nil when iconv does not know it.
    /// Invalid bytes become U+FFFD and conversion goes on; a truncated last character too.
    static func iconvDecode(_ input: [UInt8], from name: String) -> String? {
        let converter = iconv_open("UTF-8", name)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2)
        var chunk = [UInt8](repeating: 0, count: 4096)
        var source = input
        source.withUnsafeMutableBufferPointer { sourceBuffer in
            var inPointer = sourceBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = sourceBuffer.count
            while inLeft > 0 {
                let (result, written, failure) = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> (Int, Int, Int32) in
                    var outPointer = chunkBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    var outLeft = chunkBuffer.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, chunkBuffer.count - outLeft, result == -1 ? errno : 0)
                }
                output.append(contentsOf: chunk[0..<written])
                guard result == -1 else { break }
                switch failure {
                case E2BIG:
                    continue
                case EILSEQ:
                    // An invalid sequence: one byte skipped, shown as U+FFFD.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                default:
                    // A character cut at the end (EINVAL), or anything else: shown as U+FFFD, and done.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inLeft = 0
                }
            }
        }
        // Stateful encodings (ISO-2022-JP) may owe a final shift sequence.
        chunk.withUnsafeMutableBufferPointer { chunkBuffer in
            var outPointer = chunkBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var outLeft = chunkBuffer.count
            if iconv(converter, nil, nil, &outPointer, &outLeft) != -1 {
                output.append(contentsOf: chunkBuffer[0..<(chunkBuffer.count - outLeft)])
            }
        }
        return String(decoding: output, as: UTF8.self)
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
