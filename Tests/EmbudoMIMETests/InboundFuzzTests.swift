import EmbudoMIME
import Testing

/// Hostile and mangled input: the parser must never crash, must either parse or throw a typed error, and
/// must stay fast. Deterministic (fixed seed), so any failure reproduces.
struct InboundFuzzTests {
    /// SplitMix64: small, fast, and the same sequence everywhere.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let iterations = 3000

    /// Parses and checks the result against the limits; returns whether it parsed.
    @discardableResult
    func check(_ bytes: [UInt8], limits: InboundLimits = .standard) -> Bool {
        do {
            let message = try InboundParser.parse(bytes, limits: limits)
            #expect(message.attachments.count <= limits.maxParts)
            #expect(message.attachments.allSatisfy { $0.data.count <= limits.maxAttachmentBytes })
            #expect(message.attachments.reduce(0) { $0 + $1.data.count } <= limits.maxBytes)
            if let html = message.htmlBody { checkSafe(html) }
            _ = message.bodyHTML
            return true
        } catch {
            // Any InboundParseError is an acceptable outcome (the type is checked by the compiler).
            _ = error.description
            return false
        }
    }

    static let safeTags: Set<String> = [
        "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "blockquote", "pre", "code", "ul", "ol",
        "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "h1", "h2", "h3", "h4", "h5",
        "h6", "a", "img", "hr", "font", "small", "sup", "sub",
    ]
    static let safeAttributes: Set<String> = ["href", "src", "alt", "title", "colspan", "rowspan"]

    /// An independent check of sanitised HTML: every `<` opens an allowed tag whose attributes are allowed,
    /// double-quoted, and free of `<`, `>` and `"`; URLs have no dangerous scheme.
    func checkSafe(_ html: String) {
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                #expect(bytes[index] != UInt8(ascii: ">"), "stray > in \(html.prefix(300))")
                index += 1
                continue
            }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                Issue.record("unclosed tag in \(html.prefix(300))")
                return
            }
            let tag = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            index = close + 1
            let name = tag.hasPrefix("/") ? String(tag.dropFirst()) : String(tag.prefix { $0 != " " })
            #expect(Self.safeTags.contains(name), "tag \(tag)")
            // Attributes: ` name="value"` repeated, values without quotes or angle brackets.
            var rest = tag.dropFirst(tag.hasPrefix("/") ? name.count + 1 : name.count)[...]
            while !rest.isEmpty {
                guard rest.hasPrefix(" "), let equals = rest.firstIndex(of: "=") else {
                    Issue.record("malformed attributes in <\(tag)>")
                    break
                }
                let attribute = String(rest[rest.index(after: rest.startIndex)..<equals])
                #expect(Self.safeAttributes.contains(attribute), "attribute \(attribute) in <\(tag)>")
                let afterEquals = rest[rest.index(after: equals)...]
                guard afterEquals.hasPrefix("\""), let end = afterEquals.dropFirst().firstIndex(of: "\"") else {
                    Issue.record("unquoted value in <\(tag)>")
                    break
                }
                let value = afterEquals[afterEquals.index(after: afterEquals.startIndex)..<end].lowercased()
                    .filter { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } ?? true }
                for scheme in ["javascript:", "vbscript:", "data:text", "data:image/svg", "&#", "&colon"] {
                    #expect(!value.hasPrefix(scheme), "value \(value)")
                }
                rest = afterEquals[afterEquals.index(after: end)...]
            }
        }
    }

    func mutate(_ input: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let operations = Int.random(in: 1...4, using: &random)
        for _ in 0..<operations {
            guard !bytes.isEmpty else { return bytes }
            switch Int.random(in: 0..<8, using: &random) {
            case 0:  // flip some bytes
                for _ in 0..<Int.random(in: 1...16, using: &random) {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[index] ^= UInt8.random(in: 1...255, using: &random)
                }
            case 1:  // truncate
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 2:  // duplicate a slice (boundaries, headers, encoded words)
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let length = min(bytes.count - start, Int.random(in: 1...200, using: &random))
                let slice = bytes[start..<start + length]
                for _ in 0..<Int.random(in: 1...50, using: &random) {
                    bytes.insert(contentsOf: slice, at: start)
                }
            case 3:  // delete a slice
                let start = Int.random(in: 0..<bytes.count, using: &random)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...100, using: &random)))
            case 4:  // insert syntax that matters
                let tokens = ["\r\n", "\n\n", "--", "=?", "?=", "=", "<", ">", "\"", ";", ":", "*0*=", "'", "&#",
                              "\r\n--boundary\r\n", "<script>", "<!--", "=\r\n", "\t", "\0"]
                let token = Array(tokens[Int.random(in: 0..<tokens.count, using: &random)].utf8)
                bytes.insert(contentsOf: token, at: Int.random(in: 0...bytes.count, using: &random))
            case 5:  // swap CRLF and LF
                bytes = bytes.filter { $0 != 0x0D }
            case 6:  // random bytes in place
                let start = Int.random(in: 0..<bytes.count, using: &random)
                for index in start..<min(bytes.count, start + 64) { bytes[index] = UInt8.random(in: 0...255, using: &random) }
            default:  // duplicate the boundary lines of the message
                if let line = bytes.split(separator: 0x0A).first(where: { $0.starts(with: [0x2D, 0x2D]) }) {
                    let repeated = Array(repeating: Array(line) + [0x0A], count: Int.random(in: 10...500, using: &random))
                    bytes.insert(contentsOf: repeated.joined(), at: Int.random(in: 0...bytes.count, using: &random))
                }
            }
        }
        return bytes
    }

    @Test(.tags(.slow), .enabled(if: SlowTests.enabled)) func mutatedCorpusNeverCrashes() throws {
        let corpus = try InboundCorpus.messages.map { try InboundCorpus.bytes($0) }
        var random = SeededGenerator(state: 0xE3B0_C442_98FC_1C14)
        let clock = ContinuousClock()
        var parsed = 0
        let elapsed = clock.measure {
            for iteration in 0..<Self.iterations {
                let base = corpus[iteration % corpus.count]
                if check(mutate(base, using: &random)) { parsed += 1 }
                checkSafe(HTMLSanitizer.sanitize(String(decoding: mutate(base, using: &random), as: UTF8.self)))
            }
            // Pure noise.
            for _ in 0..<200 {
                let noise = (0..<Int.random(in: 0...4096, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                check(noise)
                checkSafe(HTMLSanitizer.sanitize(String(decoding: noise, as: UTF8.self)))
            }
        }
        print("inbound fuzz: \(Self.iterations) mutations + 200 noise inputs, \(parsed) parsed, \(elapsed)")
        // How long it took is printed, never asserted: tests do not depend on the machine's speed.
        #expect(parsed > Self.iterations / 4)
    }

    @Test func deepNestingIsRefused() {
        var message = "From: a@example.com\r\n"
        for level in 0..<1000 {
            message += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n"
        }
        message += "Content-Type: text/plain\r\n\r\ndeep\r\n"
        let bytes = Array(message.utf8)
        #expect(throws: InboundParseError.nestingTooDeep) { try InboundParser.parse(bytes) }
        var generous = InboundLimits()
        generous.maxDepth = 100_000
        generous.maxParts = 100_000
        #expect(throws: InboundParseError.nestingTooDeep) { try InboundParser.parse(bytes, limits: generous) }
        _ = HTMLSanitizer.sanitize(String(repeating: "<div><table><tr><td><b>", count: 1000))
    }

    @Test func manyHeadersAndManyParts() {
        let headers = "From: a@example.com\r\n" + String(repeating: "X-Spam: yes\r\n", count: 100_000) + "\r\nbody"
        #expect(throws: InboundParseError.tooManyHeaders) { try InboundParser.parse(Array(headers.utf8)) }
        let parts = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
            + String(repeating: "--x\r\nContent-Type: application/octet-stream\r\n\r\nA\r\n", count: 10_000) + "--x--\r\n"
        #expect(throws: InboundParseError.tooManyParts) { try InboundParser.parse(Array(parts.utf8)) }
        let encodedWords = "From: a@example.com\r\nSubject: " + String(repeating: "=?utf-8?B?w6k=?= ", count: 20_000) + "\r\n\r\nx"
        #expect(check(Array(encodedWords.utf8)))
    }

    @Test func hugeSingleLines() throws {
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 20 << 20)
        let body = Array("From: a@example.com\r\nSubject: big\r\n\r\n".utf8) + line
        let message = try InboundParser.parse(body)
        #expect(message.textBody?.utf8.count == 20 << 20)
        let header = Array("From: a@example.com\r\nSubject: ".utf8) + line + Array("\r\n\r\nx".utf8)
        let cut = try InboundParser.parse(header)
        #expect(cut.subject.utf8.count <= 64 << 10)
        #expect(cut.textBody == "x")
        #expect(throws: InboundParseError.tooLarge) { try InboundParser.parse(line + line) }
    }
}
