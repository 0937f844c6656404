/// DNS messages (RFC 1035 §4) as far as a TXT lookup needs them: the query, and the answer's records
/// with compressed names (§4.1.4).
public enum DNSMessage {
    /// Record types this client reads.
    public enum RecordType: UInt16, Sendable {
        case cname = 5
        case txt = 16
    }

    /// The class of every record here: IN.
    static let classIN: UInt16 = 1

    /// A query for `name` and `type`, recursion desired, with the transaction id `id`.
    public static func query(id: UInt16, name: String, type: RecordType) throws(DNSError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(18 + name.utf8.count)
        append16(id, to: &bytes)
        append16(0x0100, to: &bytes)  // QR=0, opcode QUERY, RD=1
        append16(1, to: &bytes)  // QDCOUNT
        append16(0, to: &bytes)  // ANCOUNT
        append16(0, to: &bytes)  // NSCOUNT
        append16(0, to: &bytes)  // ARCOUNT
        bytes += try encode(name: name)
        append16(type.rawValue, to: &bytes)
        append16(classIN, to: &bytes)
        return bytes
    }

    /// A name in wire format: length-prefixed labels ending with the empty root label. Letters, digits,
    /// hyphens and underscores (`_embudo-challenge`), labels of 1 to 63 bytes, at most 253 characters; a
    /// final dot is allowed.
    public static func encode(name: String) throws(DNSError) -> [UInt8] {
        var text = Substring(name)
        if text.hasSuffix(".") { text = text.dropLast() }
        guard !text.isEmpty, text.utf8.count <= 253 else { throw .invalidName(name) }
        var bytes: [UInt8] = []
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            let utf8 = Array(label.utf8)
            guard (1...63).contains(utf8.count), utf8.allSatisfy(isNameByte) else { throw .invalidName(name) }
            bytes.append(UInt8(utf8.count))
            bytes += utf8
        }
        bytes.append(0)
        return bytes
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
    }

    static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }
}

/// One resource record of an answer.
public struct DNSRecord: Sendable, Hashable {
    /// The owner name, lower-case, without the final dot.
    public var name: String
    public var type: UInt16
    public var recordClass: UInt16
    public var ttl: UInt32
    /// For CNAME: the canonical name (lower-case); for TXT: its character-strings, in order.
    public var data: Data

    public enum Data: Sendable, Hashable {
        case cname(String)
        case txt([[UInt8]])
        case other
    }
}

/// The question a response answers.
public struct DNSQuestion: Sendable, Hashable {
    /// Lower-case, without the final dot.
    public var name: String
    public var type: UInt16
    public var recordClass: UInt16
}

/// A DNS response, read from its bytes: the header, the question and the answer section.
public struct DNSResponse: Sendable, Hashable {
    public var id: UInt16
    /// The response code (0 NOERROR, 3 NXDOMAIN...).
    public var rcode: Int
    /// Whether the answer was cut to fit UDP (TC).
    public var isTruncated: Bool
    /// The (first) question it answers.
    public var question: DNSQuestion?
    public var answers: [DNSRecord]

    /// Reads a response.
    ///
    /// - Throws: ``DNSError/malformedResponse(_:)`` when the bytes are not a DNS response (too short, a
    ///   query, a name or record running past the end, a compression pointer that does not point back).
    public init(bytes: [UInt8]) throws(DNSError) {
        var reader = DNSReader(bytes: bytes)
        id = try reader.read16()
        let flags = try reader.read16()
        guard flags & 0x8000 != 0 else { throw .malformedResponse("not a response (QR is 0)") }
        isTruncated = flags & 0x0200 != 0
        rcode = Int(flags & 0x000F)
        let questions = try reader.read16()
        let answerCount = try reader.read16()
        _ = try reader.read16()  // NSCOUNT
        _ = try reader.read16()  // ARCOUNT
        question = nil
        for index in 0..<questions {
            let name = try reader.readName()
            let type = try reader.read16()
            let recordClass = try reader.read16()
            if index == 0 { question = DNSQuestion(name: name, type: type, recordClass: recordClass) }
        }
        answers = []
        if isTruncated { return }
        for _ in 0..<answerCount {
            answers.append(try reader.readRecord())
        }
    }

    /// The TXT records that answer `name`: the owner is the name, or the end of a CNAME chain from it
    /// in the same answer; each record's character-strings joined (RFC 7208 §3.3), as UTF-8.
    public func txtValues(for name: String) -> [String] {
        var owners: Set<String> = [DNSReader.canonical(name)]
        // Follow CNAMEs, in any order, at most 8 links.
        for _ in 0..<8 {
            let next = answers.compactMap { record -> String? in
                guard owners.contains(record.name), case .cname(let target) = record.data else { return nil }
                return target
            }
            let before = owners.count
            owners.formUnion(next)
            if owners.count == before { break }
        }
        return answers.compactMap { record in
            guard owners.contains(record.name), record.recordClass == DNSMessage.classIN, case .txt(let strings) = record.data else { return nil }
            return String(decoding: strings.joined(), as: UTF8.self)
        }
    }
}

/// Reads a DNS message: integers in network order, names with compression pointers.
struct DNSReader {
    let bytes: [UInt8]
    var offset = 0

    /// The most compression pointers one name may follow: more is a loop.
    static let maxPointers = 32

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read8() throws(DNSError) -> UInt8 {
        guard offset < bytes.count else { throw .malformedResponse("it ends too early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func read16() throws(DNSError) -> UInt16 {
        let high = try read8()
        let low = try read8()
        return UInt16(high) << 8 | UInt16(low)
    }

    mutating func read32() throws(DNSError) -> UInt32 {
        let high = try read16()
        let low = try read16()
        return UInt32(high) << 16 | UInt32(low)
    }

    mutating func readBytes(_ count: Int) throws(DNSError) -> [UInt8] {
        guard count >= 0, offset + count <= bytes.count else { throw .malformedResponse("it ends too early") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A name at the current offset, lower-case without the final dot ("" for the root). A pointer
    /// must point before the label it replaces, so that names cannot loop.
    mutating func readName() throws(DNSError) -> String {
        var labels: [String] = []
        var position = offset
        var jumped = false
        var pointers = 0
        var length = 0
        while true {
            guard position < bytes.count else { throw .malformedResponse("a name runs past the end") }
            let byte = bytes[position]
            switch byte & 0xC0 {
            case 0x00:
                if byte == 0 {
                    if !jumped { offset = position + 1 }
                    return labels.joined(separator: ".")
                }
                let count = Int(byte)
                guard position + 1 + count <= bytes.count else { throw .malformedResponse("a name runs past the end") }
                guard !bytes[(position + 1)...(position + count)].contains(0x2E) else { throw .malformedResponse("a label holds a dot") }
                length += count + 1
                guard length <= 255 else { throw .malformedResponse("a name is longer than 255 bytes") }
                labels.append(Self.canonical(String(decoding: bytes[(position + 1)...(position + count)], as: UTF8.self)))
                position += 1 + count
            case 0xC0:
                guard position + 1 < bytes.count else { throw .malformedResponse("a name runs past the end") }
                let target = Int(byte & 0x3F) << 8 | Int(bytes[position + 1])
                pointers += 1
                guard target < position, pointers <= Self.maxPointers else { throw .malformedResponse("a compression pointer loops") }
                if !jumped { offset = position + 2 }
                jumped = true
                position = target
            default:
                throw .malformedResponse("unknown label type")
            }
        }
    }

    /// One resource record.
    mutating func readRecord() throws(DNSError) -> DNSRecord {
        let name = try readName()
        let type = try read16()
        let recordClass = try read16()
        let ttl = try read32()
        let length = Int(try read16())
        guard offset + length <= bytes.count else { throw .malformedResponse("a record runs past the end") }
        let end = offset + length
        let data: DNSRecord.Data
        switch DNSMessage.RecordType(rawValue: type) {
        case .txt?:
            var strings: [[UInt8]] = []
            while offset < end {
                let count = Int(try read8())
                guard offset + count <= end else { throw .malformedResponse("a TXT string runs past its record") }
                strings.append(try readBytes(count))
            }
            data = .txt(strings)
        case .cname?:
            data = .cname(try readName())
            guard offset <= end else { throw .malformedResponse("a CNAME runs past its record") }
        case nil:
            data = .other
        }
        offset = end
        return DNSRecord(name: name, type: type, recordClass: recordClass, ttl: ttl, data: data)
    }

    /// A name as compared here: ASCII lower-case, without the final dot.
    static func canonical(_ name: String) -> String {
        var text = name.lowercased()
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
