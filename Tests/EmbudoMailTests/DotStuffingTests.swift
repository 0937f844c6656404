import EmbudoMail
import Testing

/// SMTP's transparency (RFC 5321 §4.5.2): lines starting with a dot get a second one, and the data ends
/// with a line holding a dot.
struct DotStuffingTests {
    @Test func dotStuffing() {
        #expect(DotStuffing.encode("a\r\n.b\r\n..c\r\nd.\r\n") == "a\r\n..b\r\n...c\r\nd.\r\n.\r\n")
        #expect(DotStuffing.encode(".\nlast") == "..\r\nlast\r\n.\r\n")
        #expect(DotStuffing.encode("") == ".\r\n")
    }
}
