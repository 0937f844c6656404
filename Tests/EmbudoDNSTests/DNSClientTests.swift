@testable import EmbudoDNS
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The UDP client against a name server played by a socket of this test: the answer to its question,
/// answers to be ignored (another id, another question), silence, and refusals.
struct DNSClientTests {
    /// A UDP "name server" on 127.0.0.1 that answers each query with `reply(query)`'s datagrams (none:
    /// silence), until stopped.
    final class FakeServer: Sendable {
        let descriptor: Int32
        let port: UInt16
        let queries = Mutex<Int>(0)

        init(reply: @escaping @Sendable ([UInt8]) -> [[UInt8]]) throws {
            let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
            descriptor = fd
            port = UInt16(bigEndian: address.sin_port)
            Thread.detach { [self] in serve(reply) }
        }

        private func serve(_ reply: ([UInt8]) -> [[UInt8]]) {
            var buffer = [UInt8](repeating: 0, count: 2048)
            var peer = sockaddr_storage()
            while true {
                var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
                let count = withUnsafeMutablePointer(to: &peer) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(descriptor, &buffer, buffer.count, 0, $0, &peerLength) }
                }
                if count <= 0 {
                    // Stopped: the socket is closed here, once nothing reads it any more, so that its
                    // number cannot be another test's socket by then.
                    close(descriptor)
                    return
                }
                queries.withLock { $0 += 1 }
                for datagram in reply(Array(buffer.prefix(count))) {
                    _ = withUnsafePointer(to: &peer) { pointer in
                        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(descriptor, datagram, datagram.count, 0, $0, peerLength) }
                    }
                }
            }
        }

        var nameserver: Nameserver { Nameserver(host: "127.0.0.1", port: port) }

        /// Wakes the thread out of recvfrom; it closes the socket.
        func stop() {
            shutdown(descriptor, Int32(SHUT_RDWR))
        }
    }

    /// The answer to a query: its id and question echoed, then `records`.
    static func answer(to query: [UInt8], id: UInt16? = nil, flags: UInt16 = 0x8180, records: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        DNSMessage.append16(id ?? (UInt16(query[0]) << 8 | UInt16(query[1])), to: &bytes)
        DNSMessage.append16(flags, to: &bytes)
        DNSMessage.append16(1, to: &bytes)
        DNSMessage.append16(UInt16(records.count), to: &bytes)
        DNSMessage.append16(0, to: &bytes)
        DNSMessage.append16(0, to: &bytes)
        return bytes + query.dropFirst(12) + records.joined()
    }

    @Test func theAnswerToItsOwnQuestionIsRead() throws {
        let server = try FakeServer { query in
            // First a forgery with another id, then the answer to another question, then the real one.
            let forged = Self.answer(to: query, id: (UInt16(query[0]) << 8 | UInt16(query[1])) &+ 1, records: [DNSMessageTests.txt(["forged"])])
            var otherQuestion = query
            otherQuestion[13] = UInt8(ascii: "X")
            return [forged, Self.answer(to: otherQuestion, records: [DNSMessageTests.txt(["other"])]),
                    Self.answer(to: query, records: [DNSMessageTests.txt(["embudo-domain-verification=", "42"])])]
        }
        defer { server.stop() }
        let client = DNSClient(nameserver: server.nameserver, timeout: .seconds(2), attempts: 1)
        #expect(try client.txtRecords(for: DNSMessageTests.name) == ["embudo-domain-verification=42"])
    }

    @Test func silenceIsATimeoutAfterEveryAttempt() throws {
        let server = try FakeServer { _ in [] }
        defer { server.stop() }
        let client = DNSClient(nameserver: server.nameserver, timeout: .milliseconds(150), attempts: 2)
        let start = ContinuousClock.now
        #expect(throws: DNSError.timeout) { try client.txtRecords(for: DNSMessageTests.name) }
        #expect(ContinuousClock.now - start >= .milliseconds(300))
        #expect(server.queries.withLock { $0 } == 2)
    }

    @Test func nxdomainIsNoRecordAndServerFailuresAreErrors() throws {
        let server = try FakeServer { query in
            // NXDOMAIN for the long name, SERVFAIL for the short one.
            [Self.answer(to: query, flags: query.count > 40 ? 0x8183 : 0x8182, records: [])]
        }
        defer { server.stop() }
        let client = DNSClient(nameserver: server.nameserver, timeout: .seconds(2), attempts: 1)
        #expect(try client.txtRecords(for: DNSMessageTests.name) == [])
        #expect(throws: DNSError.serverFailure(rcode: 2)) { try client.txtRecords(for: "_x.example") }
    }

    @Test func truncatedAnswersAreReported() throws {
        let server = try FakeServer { query in [Self.answer(to: query, flags: 0x8380, records: [])] }
        defer { server.stop() }
        #expect(throws: DNSError.truncated) {
            try DNSClient(nameserver: server.nameserver, timeout: .seconds(2), attempts: 1).txtRecords(for: DNSMessageTests.name)
        }
    }
}

/// A detached OS thread (the fake server blocks in recvfrom).
enum Thread {
    static func detach(_ body: @escaping @Sendable () -> Void) {
        var thread = pthread_t()
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        pthread_create(&thread, nil, { pointer in
            Unmanaged<ThreadBody>.fromOpaque(pointer!).takeRetainedValue().body()
            return nil
        }, box)
        pthread_detach(thread)
    }
}

/// What a detached thread runs.
final class ThreadBody: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
