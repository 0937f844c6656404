/// The statements of a SQL script, one by one, as PostgreSQL's own lexer would separate them: a `;`
/// ends a statement unless it is inside a string (`'…'`, `E'…'`), a quoted identifier (`"…"`), a
/// dollar-quoted body (`$$…$$`, `$tag$…$tag$`), a comment (`-- …`, `/* … */`, nested) or a SQL-standard
/// function body (`BEGIN ATOMIC … END`).
///
/// Citus sends some utility statements to its workers as the text of the whole query they came in, and
/// a worker refuses several statements in one (issue 24): on a database with the citus extension, the
/// migrator runs a script statement by statement.
public enum SQLStatements {
    /// The script's statements, without their `;`, leading and trailing whitespace; statements that
    /// hold only comments or whitespace are left out.
    public static func split(_ script: String) -> [String] {
        let bytes = Array(script.utf8)
        var statements: [String] = []
        var start = 0
        var index = 0
        var meaningful = false
        var atomicDepth = 0

        func finish(at end: Int) {
            if meaningful {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                statements.append(text.trimmingWhitespace())
            }
            start = end + 1
            meaningful = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*") {
                        depth += 1
                        index += 2
                    } else if bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") {
                        depth -= 1
                        index += 2
                        if depth == 0 { break }
                    } else {
                        index += 1
                    }
                }
                continue
            case UInt8(ascii: "'"):
                let escapes = index > 0 && (bytes[index - 1] == UInt8(ascii: "E") || bytes[index - 1] == UInt8(ascii: "e"))
                    && (index < 2 || !isIdentifier(bytes[index - 2]))
                index = endOfQuoted(bytes, from: index, quote: UInt8(ascii: "'"), backslashEscapes: escapes)
                meaningful = true
                continue
            case UInt8(ascii: "\""):
                index = endOfQuoted(bytes, from: index, quote: UInt8(ascii: "\""), backslashEscapes: false)
                meaningful = true
                continue
            case UInt8(ascii: "$") where index == 0 || !isIdentifier(bytes[index - 1]):
                if let tagEnd = dollarTagEnd(bytes, from: index) {
                    let tag = bytes[index...tagEnd]
                    var scan = tagEnd + 1
                    while scan < bytes.count && !bytes[scan...].starts(with: tag) { scan += 1 }
                    index = min(scan + tag.count, bytes.count)
                    meaningful = true
                    continue
                }
            case UInt8(ascii: ";") where atomicDepth == 0:
                finish(at: index)
                index += 1
                continue
            case _ where isIdentifier(byte) && (index == 0 || !isIdentifier(bytes[index - 1])):
                // A word: SQL-standard function bodies (BEGIN ATOMIC … END) hold statements of their own,
                // and CASE … END expressions.
                var end = index
                while end < bytes.count && isIdentifier(bytes[end]) { end += 1 }
                let word = String(decoding: bytes[index..<end], as: UTF8.self).uppercased()
                if word == "BEGIN" {
                    var next = end
                    while next < bytes.count && isWhitespace(bytes[next]) { next += 1 }
                    var after = next
                    while after < bytes.count && isIdentifier(bytes[after]) { after += 1 }
                    if String(decoding: bytes[next..<after], as: UTF8.self).uppercased() == "ATOMIC" { atomicDepth += 1 }
                } else if atomicDepth > 0 && word == "CASE" {
                    atomicDepth += 1
                } else if atomicDepth > 0 && word == "END" {
                    atomicDepth -= 1
                }
                meaningful = true
                index = end
                continue
            default:
                break
            }
            if !isWhitespace(byte) { meaningful = true }
            index += 1
        }
        finish(at: bytes.count)
        return statements
    }

    /// The index after a quoted string or identifier that starts at `from` (a doubled quote is one quote).
    private static func endOfQuoted(_ bytes: [UInt8], from: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
        var index = from + 1
        while index < bytes.count {
            if backslashEscapes && bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == quote {
                if index + 1 < bytes.count && bytes[index + 1] == quote {
                    index += 2
                } else {
                    return index + 1
                }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// The index of the closing `$` of a dollar-quote tag that starts at `from` (`$$` or `$tag$`), or nil
    /// (a parameter such as `$1`, or a lone `$`).
    private static func dollarTagEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var index = from + 1
        if index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { return nil }
        while index < bytes.count && isIdentifier(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "$") ? index : nil
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
