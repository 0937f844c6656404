/// A structured header value with parameters, as `Content-Type` and `Content-Disposition` are:
/// `text/plain; charset="utf-8"`, `attachment; filename*=utf-8''%E2%82%AC.pdf`.
struct HeaderParameters: Sendable, Equatable {
    /// The value before the first `;`, in lower case, without comments and spaces.
    var value: String
    /// The parameters by lower-case name: unquoted, RFC 2231 continuations joined and decoded, RFC 2047
    /// encoded words (which some clients put in file names) decoded.
    var parameters: [String: String]

    subscript(_ name: String) -> String? { parameters[name] }

    /// The most RFC 2231 continuation segments joined for one parameter.
    private static let maxSegments = 256

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        var head: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") {
            if bytes[index] == UInt8(ascii: "(") {
                index = Self.skipComment(bytes, from: index)
                continue
            }
            if bytes[index] > 0x20 { head.append(bytes[index]) }
            index += 1
        }
        value = String(decoding: head, as: UTF8.self).lowercased()

        var plain: [String: String] = [:]
        // name → segment number → (raw bytes, percent-encoded?)
        var extended: [String: [Int: (bytes: [UInt8], encoded: Bool)]] = [:]
        while index < bytes.count {
            index += 1  // the ";"
            while index < bytes.count, bytes[index] <= 0x20 { index += 1 }
            var nameBytes: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") {
                if bytes[index] > 0x20 { nameBytes.append(bytes[index]) }
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            var valueBytes: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    valueBytes.append(bytes[index])
                    index += 1
                }
                // Skip the closing quote and anything up to the next ";".
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") {
                    valueBytes.append(bytes[index])
                    index += 1
                }
                while let last = valueBytes.last, last <= 0x20 { valueBytes.removeLast() }
            }
            let name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            guard !name.isEmpty else { continue }
            if let star = name.firstIndex(of: "*") {
                // RFC 2231: name*=charset'lang'%xx, name*0=..., name*1*=...
                let base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let encoded = rest.hasSuffix("*") || rest.isEmpty
                let number = Int(rest.filter { $0 != "*" }) ?? 0
                guard number >= 0, number < Self.maxSegments else { continue }
                if extended[base, default: [:]][number] == nil {
                    extended[base, default: [:]][number] = (valueBytes, encoded)
                }
            } else if plain[name] == nil {
                plain[name] = String(decoding: valueBytes, as: UTF8.self)
            }
        }

        var parameters: [String: String] = [:]
        for (name, raw) in plain {
            parameters[name] = EncodedWords.decode(HeaderSection.text(Array(raw.utf8)))
        }
        for (name, segments) in extended {
            if let decoded = Self.joinSegments(segments) { parameters[name] = decoded }
        }
        self.parameters = parameters
    }

    /// RFC 2231 segments in order (stopping at the first gap), percent-decoded where marked, in the
    /// charset named by the first segment.
    private static func joinSegments(_ segments: [Int: (bytes: [UInt8], encoded: Bool)]) -> String? {
        var charset = Charset.unknown
        var hasCharset = false
        var output: [UInt8] = []
        var number = 0
        while let segment = segments[number] {
            var raw = segment.bytes[...]
            if number == 0, segment.encoded {
                // charset'language'value
                let quotes = raw.indices.filter { raw[$0] == UInt8(ascii: "'") }.prefix(2)
                if quotes.count == 2, let first = quotes.first, let second = quotes.last {
                    charset = Charset(name: String(decoding: raw[raw.startIndex..<first], as: UTF8.self))
                    hasCharset = true
                    raw = raw[(second + 1)...]
                }
            }
            output += segment.encoded ? percentDecode(raw) : Array(raw)
            number += 1
        }
        guard number > 0 else { return nil }
        return hasCharset ? charset.decode(output) : EncodedWords.decode(Charset.decodeUndeclared(output))
    }

    private static func percentDecode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let high = TransferEncoding.hexValue(bytes[index + 1]),
               let low = TransferEncoding.hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// The index after a (possibly nested) comment starting at `start`; nesting is counted, not recursed.
    static func skipComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return bytes.count
    }
}
