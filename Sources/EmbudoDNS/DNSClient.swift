#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks one name server for TXT records over UDP (RFC 1035 §4.2.1). Blocking: each attempt waits up to
/// `timeout` for the answer to its own question (a reply with another id, from another address or to
/// another question is ignored), then asks again with a new id, `attempts` times in all.
public struct DNSClient: Sendable {
    public var nameserver: Nameserver
    /// How long one attempt waits.
    public var timeout: Duration
    /// How many times the question is sent before giving up.
    public var attempts: Int

    public init(nameserver: Nameserver, timeout: Duration = .seconds(2), attempts: Int = 3) {
        self.nameserver = nameserver
        self.timeout = timeout
        self.attempts = max(attempts, 1)
    }

    /// The TXT values of `name` (each record's strings joined), following CNAMEs in the answer. A name
    /// that does not exist (NXDOMAIN) or has no TXT record answers `[]`.
    ///
    /// - Throws: ``DNSError``: ``DNSError/timeout``, ``DNSError/serverFailure(rcode:)``,
    ///   ``DNSError/truncated``, ``DNSError/malformedResponse(_:)``, ``DNSError/network(call:errno:)``,
    ///   ``DNSError/invalidName(_:)``.
    public func txtRecords(for name: String) throws(DNSError) -> [String] {
        let response = try ask(name, type: .txt)
        switch response.rcode {
        case 0: return response.txtValues(for: name)
        case 3: return []
        default: throw .serverFailure(rcode: response.rcode)
        }
    }

    /// The response to one question.
    public func ask(_ name: String, type: DNSMessage.RecordType) throws(DNSError) -> DNSResponse {
        _ = try DNSMessage.encode(name: name)
        let socket = try UDPSocket(connectingTo: nameserver)
        defer { socket.release() }
        for _ in 0..<attempts {
            let id = UInt16.random(in: 0...UInt16.max)
            try socket.transmit(try DNSMessage.query(id: id, name: name, type: type))
            let deadline = ContinuousClock.now + timeout
            while let datagram = try socket.receive(until: deadline) {
                // Anything but the answer to this question is someone else's, or a forgery: ignored.
                guard datagram.count >= 2, UInt16(datagram[0]) << 8 | UInt16(datagram[1]) == id else { continue }
                let response = try DNSResponse(bytes: datagram)
                guard let question = response.question, question.name == DNSReader.canonical(name), question.type == type.rawValue,
                      question.recordClass == DNSMessage.classIN
                else { continue }
                if response.isTruncated { throw .truncated }
                return response
            }
        }
        throw .timeout
    }
}

/// A connected UDP socket: the kernel drops datagrams from any other address.
struct UDPSocket {
    let descriptor: Int32

    init(connectingTo server: Nameserver) throws(DNSError) {
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        #else
        hints.ai_socktype = SOCK_DGRAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(server.host, String(server.port), &hints, &found) == 0, let address = found else {
            throw .invalidNameserver(server.description)
        }
        defer { freeaddrinfo(found) }
        let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard descriptor >= 0 else { throw .network(call: "socket", errno: errno) }
        guard connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            let error = errno
            _ = close(descriptor)
            throw .network(call: "connect", errno: error)
        }
        self.descriptor = descriptor
    }

    func transmit(_ bytes: [UInt8]) throws(DNSError) {
        let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        guard sent == bytes.count else { throw .network(call: "send", errno: errno) }
    }

    /// The next datagram, or nil once `deadline` passes. An ICMP "port unreachable" for an earlier send
    /// (ECONNREFUSED) is not an answer: it is waited past like silence.
    func receive(until deadline: ContinuousClock.Instant) throws(DNSError) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_535)
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return nil }
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .network(call: "poll", errno: errno)
            }
            if ready == 0 { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR || errno == ECONNREFUSED || errno == EAGAIN { continue }
                throw .network(call: "recv", errno: errno)
            }
            return Array(buffer.prefix(count))
        }
    }

    func release() {
        _ = close(descriptor)
    }
}
