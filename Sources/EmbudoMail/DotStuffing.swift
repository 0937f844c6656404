/// The DATA section of an SMTP transaction (RFC 5321 §4.5.2): a line that starts with a dot gets a
/// second one, and the message ends with a line holding a single dot.
public enum DotStuffing {
    /// `content` (lines ending in CRLF) stuffed and terminated with `.` CRLF. Bare LF and CR become CRLF,
    /// since SMTP allows no other line ending.
    public static func encode(_ content: String) -> String {
        var output: [UInt8] = []
        let bytes = Array(content.utf8)
        output.reserveCapacity(bytes.count + 16)
        var atLineStart = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                output += [0x0D, 0x0A]
                atLineStart = true
            } else {
                if atLineStart, byte == UInt8(ascii: ".") { output.append(byte) }
                output.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart { output += [0x0D, 0x0A] }
        output += Array(".\r\n".utf8)
        return String(decoding: output, as: UTF8.self)
    }
}
