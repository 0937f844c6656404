/// Why a DNS lookup gave no answer.
public enum DNSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a name that can be asked for: empty labels, a label over 63 bytes, more than 253 characters,
    /// or characters other than ASCII letters, digits, `-` and `_`.
    case invalidName(String)
    /// Not `HOST`, `HOST:PORT` or `[IPv6]:PORT` with a numeric address.
    case invalidNameserver(String)
    /// No `nameserver` line in the resolver configuration.
    case noNameserver(path: String)
    /// No answer to the question came back in time (after every attempt).
    case timeout
    /// The answer did not fit in UDP (the TC bit): this client does not retry over TCP.
    case truncated
    /// The answer to the question could not be read.
    case malformedResponse(String)
    /// The server answered with an error code (2 SERVFAIL, 4 NOTIMP, 5 REFUSED...).
    case serverFailure(rcode: Int)
    /// The socket failed (the system's error number and call).
    case network(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .invalidName(let name): "not a DNS name that can be looked up: \(name.debugDescription)"
        case .invalidNameserver(let text): "not a name server address (HOST:PORT with a numeric address): \(text.debugDescription)"
        case .noNameserver(let path): "no nameserver line in \(path)"
        case .timeout: "the name server did not answer in time"
        case .truncated: "the answer was truncated (too large for UDP)"
        case .malformedResponse(let why): "the name server's answer cannot be read: \(why)"
        case .serverFailure(let rcode): "the name server answered with error code \(rcode)\(Self.rcodeNames[rcode].map { " (\($0))" } ?? "")"
        case .network(let call, let errno): "\(call) failed (errno \(errno))"
        }
    }

    static let rcodeNames = [1: "FORMERR", 2: "SERVFAIL", 4: "NOTIMP", 5: "REFUSED"]
}
