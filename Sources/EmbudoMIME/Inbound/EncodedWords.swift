/// RFC 2047 encoded words in received header fields (`=?charset?Q?...?=` and `=?charset?B?...?=`).
enum EncodedWords {
    private enum Token {
        case text([UInt8])
        case word(charset: Charset, bytes: [UInt8])
    }

    /// The text with every encoded word decoded. Whitespace between two adjacent encoded words is removed;
    /// adjacent words in the same charset are decoded together, so that a character split between them
    /// survives. Anything that is not a well-formed encoded word is left as it is.
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, text.contains("=?") else { return text }
        var tokens: [Token] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?"),
               let (charset, decoded, end) = word(in: bytes, at: index) {
                if !literal.isEmpty {
                    tokens.append(.text(literal))
                    literal = []
                }
                tokens.append(.word(charset: charset, bytes: decoded))
                index = end
                continue
            }
            literal.append(bytes[index])
            index += 1
        }
        if !literal.isEmpty { tokens.append(.text(literal)) }

        var output = ""
        var pending: (charset: Charset, bytes: [UInt8])?
        for (position, token) in tokens.enumerated() {
            switch token {
            case .word(let charset, let decoded):
                if pending?.charset == charset {
                    pending?.bytes.append(contentsOf: decoded)
                } else {
                    if let current = pending { output += current.charset.decode(current.bytes) }
                    pending = (charset, decoded)
                }
            case .text(let raw):
                let isGap = raw.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
                if isGap, pending != nil, position + 1 < tokens.count, case .word = tokens[position + 1] { continue }
                if let current = pending {
                    output += current.charset.decode(current.bytes)
                    pending = nil
                }
                output += String(decoding: raw, as: UTF8.self)
            }
        }
        if let current = pending { output += current.charset.decode(current.bytes) }
        return output
    }

    /// The encoded word starting at `start` (at its `=?`): its charset, decoded bytes and the index after
    /// its `?=`; nil when the text there is not one.
    private static func word(in bytes: [UInt8], at start: Int) -> (Charset, [UInt8], Int)? {
        let limit = min(bytes.count, start + 2048)
        var index = start + 2
        let charsetStart = index
        while index < limit, bytes[index] != UInt8(ascii: "?") {
            if bytes[index] <= 0x20 || index - charsetStart > 64 { return nil }
            index += 1
        }
        guard index + 2 < limit, index > charsetStart, bytes[index + 2] == UInt8(ascii: "?") else { return nil }
        let charset = Charset(name: String(decoding: bytes[charsetStart..<index], as: UTF8.self))
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "q") || encoding == UInt8(ascii: "b") else { return nil }
        let textStart = index + 3
        index = textStart
        while index + 1 < limit {
            if bytes[index] == UInt8(ascii: "?"), bytes[index + 1] == UInt8(ascii: "=") {
                let text = bytes[textStart..<index]
                let decoded = encoding == UInt8(ascii: "b")
                    ? TransferEncoding.decodeBase64(text)
                    : TransferEncoding.decodeQuotedPrintable(text, underscoreIsSpace: true)
                return (charset, decoded, index + 2)
            }
            if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { return nil }
            index += 1
        }
        return nil
    }
}
