/// One e-mail address with its optional display name, as in `"Ana Pérez" <ana@example.com>`.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name, if any (unquoted, unescaped).
    public var name: String?
    /// The address itself (`local@domain`), as used in the SMTP envelope.
    public var address: String

    /// An address, checked: ASCII (no SMTPUTF8), one `@` with a non-empty local part and domain, and no
    /// spaces, control characters or angle brackets.
    public init(name: String? = nil, address: String) throws(MailFormatError) {
        let name = name.map { $0.trimmingSpaces() }
        self.name = name?.isEmpty == false ? name : nil
        self.address = address
        guard Self.isValid(address) else { throw .invalidAddress(address) }
        if let name = self.name, name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidAddress(address)
        }
    }

    /// The form written in headers: the name (quoted, or RFC 2047-encoded when it is not ASCII) and the
    /// address in angle brackets; the address alone without a name.
    public var description: String {
        guard let name else { return address }
        return HeaderEncoding.phrase(name) + " <" + address + ">"
    }

    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        return address.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains(scalar)
        }
    }

    /// Parses a list of addresses as Odoo stores them: separated by commas (or semicolons), each either
    /// `addr`, `Name <addr>` or `"Last, First" <addr>`. Empty items are skipped.
    public static func parseList(_ text: String) throws(MailFormatError) -> [MailAddress] {
        var result: [MailAddress] = []
        for item in splitList(text) {
            let trimmed = item.trimmingSpaces()
            if trimmed.isEmpty { continue }
            result.append(try parse(trimmed))
        }
        return result
    }

    /// Parses one address: `addr`, `<addr>`, `Name <addr>` or `"Name" <addr>`.
    ///
    /// Works on Unicode scalars, not characters, exactly as PostgreSQL's `embudo.mail_address_list` reads
    /// a sender before it is queued (sql/modules/mail/outbox.sql): a combining mark after a
    /// quote or a bracket must not make the two read different addresses.
    public static func parse(_ text: String) throws(MailFormatError) -> MailAddress {
        let text = text.trimmingSpaces()
        let scalars = text.unicodeScalars
        guard let open = scalars.lastIndex(of: "<") else { return try MailAddress(address: text) }
        guard let close = scalars[open...].firstIndex(of: ">"), String(scalars[scalars.index(after: close)...]).trimmingSpaces().isEmpty else {
            throw .invalidAddress(text)
        }
        let address = String(scalars[scalars.index(after: open)..<close]).trimmingSpaces()
        return try MailAddress(name: unquote(String(scalars[..<open]).trimmingSpaces()), address: address)
    }

    /// Splits at commas and semicolons outside quotes and angle brackets (scalar by scalar, like `parse`).
    static func splitList(_ text: String) -> [String] {
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var quoted = false, escaped = false, angle = false
        for scalar in text.unicodeScalars {
            if escaped {
                escaped = false
            } else if quoted, scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                quoted.toggle()
            } else if !quoted, scalar == "<" {
                angle = true
            } else if !quoted, scalar == ">" {
                angle = false
            } else if !quoted, !angle, scalar == "," || scalar == ";" {
                items.append(String(current))
                current = String.UnicodeScalarView()
                continue
            }
            current.append(scalar)
        }
        items.append(String(current))
        return items
    }

    /// A display name without its surrounding quotes and backslash escapes.
    static func unquote(_ name: String) -> String {
        guard name.count >= 2, name.first == "\"", name.last == "\"" else { return name }
        var result = ""
        var escaped = false
        for character in name.dropFirst().dropLast() {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
