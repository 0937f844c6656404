/// Header values as RFC 5322 and RFC 2047 want them: ASCII only, non-ASCII text in encoded words,
/// long lines folded.
public enum HeaderEncoding {
    /// The longest line we write when there is a place to fold (RFC 5322's recommended 78).
    static let foldWidth = 78
    /// The longest line SMTP allows, without its CRLF (RFC 5321 §4.5.3.1.6).
    public static let maxLineLength = 998

    /// Whether the text is printable ASCII (spaces allowed, no control characters).
    static func isPlainASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Unstructured text (a subject): as it is when it is plain ASCII with words short enough to fold,
    /// else RFC 2047 encoded words (`=?UTF-8?B?...?=`).
    public static func unstructured(_ text: String) -> String {
        let longestWord = text.split(separator: " ").map(\.utf8.count).max() ?? 0
        if isPlainASCII(text), longestWord < maxLineLength - 40, !text.contains("=?") {
            return text
        }
        return encodedWords(text).joined(separator: " ")
    }

    /// A display name: a quoted string when it is plain ASCII, else encoded words.
    public static func phrase(_ text: String) -> String {
        guard isPlainASCII(text), text.utf8.count < 200, !text.contains("=?") else {
            return encodedWords(text).joined(separator: " ")
        }
        var quoted = "\""
        for character in text {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// `text` as UTF-8 base64 encoded words of at most 64 characters each, never splitting a character's
    /// bytes between two words.
    public static func encodedWords(_ text: String) -> [String] {
        // RFC 2047 allows 75 characters; 39 bytes (52 in base64, 64 with the markers) leave room for
        // "Subject: " or "Reply-To: " on the first line within 78.
        let maxBytes = 39
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxBytes {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Base64.encode(bytes) + "?="
    }

    /// One header field with its CRLF, folded at spaces so that lines stay within 78 characters where
    /// the value allows it.
    public static func field(_ name: String, _ value: String) -> String {
        fold(name + ": " + value, after: name.utf8.count + 2) + "\r\n"
    }

    /// Folds a header line at spaces (the space moves to the start of the next line, as RFC 5322 folds).
    static func fold(_ line: String, after prefix: Int) -> String {
        var bytes = Array(line.utf8)
        guard bytes.count > foldWidth else { return line }
        var lines: [[UInt8]] = []
        var start = 0
        while bytes.count - start > foldWidth {
            // The last space within the width, after the prefix on the first line.
            let lowest = lines.isEmpty ? prefix : start + 1
            var cut = -1
            var index = start + foldWidth
            while index > lowest {
                if bytes[index] == 0x20 { cut = index; break }
                index -= 1
            }
            if cut < 0 {
                // A word longer than the width: fold at the first space after it, if any.
                guard let next = bytes[(start + foldWidth)...].firstIndex(of: 0x20) else { break }
                cut = next
            }
            lines.append(Array(bytes[start..<cut]))
            start = cut
        }
        lines.append(Array(bytes[start...]))
        bytes = Array(lines.joined(separator: [0x0D, 0x0A]))
        return String(decoding: bytes, as: UTF8.self)
    }
}
