@testable import EmbudoDNS
import Testing

/// Answers built byte by byte, as a name server sends them: queries, compressed names, TXT strings, and
/// the malformed answers that must be refused rather than misread.
struct DNSMessageTests {
    static let name = "_embudo-challenge.acme.example"

    /// A response header and the question for `name` (at offset 12), as the bytes of a message.
    static func response(id: UInt16 = 0x1234, flags: UInt16 = 0x8180, answers: UInt16, name: String = DNSMessageTests.name) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for value in [id, flags, 1, answers, 0, 0] { DNSMessage.append16(value, to: &bytes) }
        bytes += try DNSMessage.encode(name: name)
        DNSMessage.append16(16, to: &bytes)
        DNSMessage.append16(1, to: &bytes)
        return bytes
    }

    /// A TXT record whose owner is a pointer to the question's name (offset 12).
    static func txt(_ strings: [String], owner: [UInt8] = [0xC0, 12]) -> [UInt8] {
        var data: [UInt8] = []
        for string in strings {
            data.append(UInt8(string.utf8.count))
            data += Array(string.utf8)
        }
        var bytes = owner
        for value: UInt16 in [16, 1, 0, 300, UInt16(data.count)] { DNSMessage.append16(value, to: &bytes) }
        return bytes + data
    }

    @Test func queryIsRFC1035() throws {
        let query = try DNSMessage.query(id: 0xBEEF, name: "_embudo-challenge.Acme.example.", type: .txt)
        #expect(Array(query.prefix(12)) == [0xBE, 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0])
        #expect(Array(query.dropFirst(12)) == [17] + Array("_embudo-challenge".utf8) + [4] + Array("Acme".utf8) + [7] + Array("example".utf8) + [0, 0, 16, 0, 1])
    }

    @Test func namesThatCannotBeAskedForAreRefused() {
        for name in ["", ".", "a..b", String(repeating: "a", count: 64) + ".example", "a b.example", "ñ.example", "a\u{0}.example",
                     (0..<130).map { _ in "ab" }.joined(separator: ".")] {
            #expect(throws: DNSError.invalidName(name)) { try DNSMessage.encode(name: name) }
        }
    }

    @Test func txtStringsAreJoinedPerRecordAndFollowCompression() throws {
        var bytes = try Self.response(answers: 2)
        bytes += Self.txt(["embudo-domain-verification=", "abc123"])
        bytes += Self.txt(["v=spf1 -all"])
        let response = try DNSResponse(bytes: bytes)
        #expect(response.id == 0x1234 && response.rcode == 0 && !response.isTruncated)
        #expect(response.question == DNSQuestion(name: Self.name, type: 16, recordClass: 1))
        #expect(response.txtValues(for: "_EMBUDO-challenge.acme.example.") == ["embudo-domain-verification=abc123", "v=spf1 -all"])
        #expect(response.txtValues(for: "other.example") == [])
    }

    @Test func cnameChainsAreFollowedInTheAnswer() throws {
        var bytes = try Self.response(answers: 2)
        // CNAME from the question's name to "proof.dns-host.example"; the target's TXT record names it with
        // a label and a pointer to the "example" of the question (offset 12 + 18 + 5).
        let targetOffset = bytes.count + 12
        var cname: [UInt8] = [0xC0, 12]
        let target: [UInt8] = [5] + Array("proof".utf8) + [8] + Array("dns-host".utf8) + [0xC0, 12 + 18 + 5]
        for value: UInt16 in [5, 1, 0, 60, UInt16(target.count)] { DNSMessage.append16(value, to: &cname) }
        bytes += cname + target
        bytes += Self.txt(["proved"], owner: [0xC0, UInt8(targetOffset)])
        let response = try DNSResponse(bytes: bytes)
        #expect(response.answers.first?.data == .cname("proof.dns-host.example"))
        #expect(response.txtValues(for: Self.name) == ["proved"])
    }

    @Test func malformedAnswersAreRefused() throws {
        let good = try Self.response(answers: 1) + Self.txt(["x"])
        // Cut anywhere: never read past the end.
        for length in 0..<good.count {
            #expect(throws: DNSError.self) { try DNSResponse(bytes: Array(good.prefix(length))) }
        }
        // A pointer to itself, and one pointing forward: loops are refused.
        var looping = try Self.response(answers: 1)
        let here = UInt8(looping.count)
        looping += Self.txt(["x"], owner: [0xC0, here])
        #expect(throws: DNSError.malformedResponse("a compression pointer loops")) { try DNSResponse(bytes: looping) }
        var forward = try Self.response(answers: 1)
        forward += Self.txt(["x"], owner: [0xC0, UInt8(forward.count + 2), 0])
        #expect(throws: DNSError.malformedResponse("a compression pointer loops")) { try DNSResponse(bytes: forward) }
        // A TXT string longer than its record.
        var overlong = try Self.response(answers: 1) + [0xC0, 12]
        for value: UInt16 in [16, 1, 0, 300, 3] { DNSMessage.append16(value, to: &overlong) }
        overlong += [9, 0x61, 0x62]
        #expect(throws: DNSError.malformedResponse("a TXT string runs past its record")) { try DNSResponse(bytes: overlong) }
        // A query is not an answer.
        #expect(throws: DNSError.malformedResponse("not a response (QR is 0)")) { try DNSResponse(bytes: try Self.response(flags: 0x0100, answers: 0)) }
    }

    @Test func errorCodesAndTruncationAreReported() throws {
        let nxdomain = try DNSResponse(bytes: try Self.response(flags: 0x8183, answers: 0))
        #expect(nxdomain.rcode == 3 && nxdomain.answers.isEmpty)
        let truncated = try DNSResponse(bytes: try Self.response(flags: 0x8380, answers: 3))
        #expect(truncated.isTruncated && truncated.answers.isEmpty)
    }

    @Test func nameserversAreNumeric() throws {
        #expect(try Nameserver(parsing: "127.0.0.1:5353") == Nameserver(host: "127.0.0.1", port: 5353))
        #expect(try Nameserver(parsing: "10.0.0.2") == Nameserver(host: "10.0.0.2", port: 53))
        #expect(try Nameserver(parsing: "[::1]:53") == Nameserver(host: "::1", port: 53))
        #expect(try Nameserver(parsing: "2001:db8::1") == Nameserver(host: "2001:db8::1", port: 53))
        for bad in ["dns.example:53", "127.0.0.1:0", "127.0.0.1:99999", "[::1", "", "1.2.3.4:x"] {
            #expect(throws: DNSError.self) { try Nameserver(parsing: bad) }
        }
    }
}
