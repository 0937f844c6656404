/// Address lists of received mail (RFC 5322 §3.4), read leniently: display names may be quoted or encoded
/// words, groups (`Team: a@x, b@y;`) are flattened, comments are dropped (or used as the name of an old
/// `addr (Name)` form), and entries that are not valid addresses are skipped.
enum InboundAddresses {
    /// The most addresses read from one field.
    static let maxAddresses = 1000

    static func parse(_ value: String) -> [MailAddress] {
        var result: [MailAddress] = []
        for item in MailAddress.splitList(value) {
            if result.count >= maxAddresses { break }
            if let address = parseOne(item) { result.append(address) }
        }
        return result
    }

    /// One entry: `addr`, `<addr>`, `Name <addr>`, `"Name" <addr>`, `addr (Name)`, or a group's first
    /// member `Group: Name <addr>`.
    static func parseOne(_ item: String) -> MailAddress? {
        var (text, comment) = stripComments(item)
        text = stripGroupName(text).trimmingSpaces()
        var name: String?
        var address: String
        if let open = text.lastIndex(of: "<") {
            let afterOpen = text.index(after: open)
            let close = text[afterOpen...].firstIndex(of: ">") ?? text.endIndex
            address = String(text[afterOpen..<close])
            name = MailAddress.unquote(String(text[..<open]).trimmingSpaces())
        } else {
            address = text
            name = comment
        }
        address = address.trimmingSpaces()
        if address.hasPrefix("mailto:") { address.removeFirst(7) }
        let cleanName = name.map { displayName($0) }
        if let made = try? MailAddress(name: cleanName, address: address) { return made }
        return try? MailAddress(address: address)
    }

    /// A display name decoded, without control characters, unquoted once more in case the quotes were
    /// inside an encoded word.
    static func displayName(_ raw: String) -> String {
        let decoded = MailAddress.unquote(EncodedWords.decode(raw).trimmingSpaces())
        let scalars = decoded.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        return String(String.UnicodeScalarView(scalars)).trimmingSpaces()
    }

    /// The entry without `(comments)` outside quotes, and the last comment's text.
    private static func stripComments(_ text: String) -> (String, String?) {
        guard text.contains("(") else { return (text, nil) }
        var output = ""
        var comment = ""
        var lastComment: String?
        var depth = 0, quoted = false, escaped = false
        for character in text {
            if escaped {
                escaped = false
                if depth > 0 { comment.append(character) } else { output.append(character) }
                continue
            }
            if character == "\\", quoted || depth > 0 {
                escaped = true
                if depth == 0 { output.append(character) }
                continue
            }
            if depth == 0, character == "\"" { quoted.toggle() }
            if !quoted, character == "(" {
                depth += 1
                if depth == 1 { comment = ""; continue }
            } else if !quoted, character == ")", depth > 0 {
                depth -= 1
                if depth == 0 { lastComment = comment; continue }
            }
            if depth > 0 { comment.append(character) } else { output.append(character) }
        }
        let trimmed = lastComment?.trimmingSpaces()
        return (output, trimmed?.isEmpty == false ? trimmed : nil)
    }

    /// The entry without a leading `group-name:` (a colon outside quotes before any `<`), and without a
    /// group's closing `;`.
    private static func stripGroupName(_ text: String) -> String {
        var quoted = false
        var result = text
        for index in text.indices {
            let character = text[index]
            if character == "\"" { quoted.toggle() }
            if quoted { continue }
            if character == "<" || character == "@" { break }
            if character == ":" {
                result = String(text[text.index(after: index)...])
                break
            }
        }
        while result.hasSuffix(";") { result.removeLast() }
        return result
    }
}
