/// A reply of an SMTP server (RFC 5321 §4.2): a three-digit code and one or more lines of text.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, 200...599.
    public var code: Int
    /// The text of each line, without the code and its separator.
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx or 3xx.
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 5xx: the server will not accept this, ever.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// The code and the text on one line, as written in failure reasons and logs.
    public var description: String {
        "\(code) " + lines.joined(separator: " ")
    }
}

/// Assembles replies from lines: `250-first`, `250-second`, `250 last` is one reply.
public struct SMTPReplyParser: Sendable {
    private var code: Int?
    private var lines: [String] = []

    /// Whether part of a multi-line reply has been read.
    public var isInsideReply: Bool { code != nil }

    public init() {}

    /// Reads one line (without its CRLF); returns the reply when the line was its last.
    public mutating func feed(_ line: String) throws(SMTPError) -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0] >= UInt8(ascii: "2"), bytes[0] <= UInt8(ascii: "5"),
              bytes[1...2].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
        else { throw .protocolViolation("malformed reply line: \(Self.excerpt(line))") }
        let value = Int(bytes[0] - 48) * 100 + Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        if let code, code != value { throw .protocolViolation("reply code changed within a reply: \(Self.excerpt(line))") }
        code = value
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return nil }
        let reply = SMTPReply(code: value, lines: lines)
        code = nil
        lines = []
        return reply
    }

    static func excerpt(_ line: String) -> String {
        String(line.prefix(80)).debugDescription
    }
}
