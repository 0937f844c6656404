#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A name server to ask: a numeric IPv4 or IPv6 address and a UDP port.
public struct Nameserver: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16 = 53) {
        self.host = host
        self.port = port
    }

    /// Reads `HOST`, `HOST:PORT`, `IPv6` or `[IPv6]:PORT` (the port defaults to 53). The address must be
    /// numeric: asking a name server for the name server's own address would need another one.
    public init(parsing text: String) throws(DNSError) {
        let text = text.trimmingSpaces()
        var host = text
        var port: UInt16 = 53
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .invalidNameserver(text) }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let value = UInt16(rest.dropFirst()), value > 0 else { throw .invalidNameserver(text) }
                port = value
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = String(text[..<colon])
            guard let value = UInt16(text[text.index(after: colon)...]), value > 0 else { throw .invalidNameserver(text) }
            port = value
        }
        guard Self.isNumericAddress(host) else { throw .invalidNameserver(text) }
        self.init(host: host, port: port)
    }

    /// The first `nameserver` of a resolver configuration file (resolv.conf(5)), on port 53.
    public static func system(resolvConf path: String = "/etc/resolv.conf") throws(DNSError) -> Nameserver {
        guard let file = fopen(path, "r") else { throw .noNameserver(path: path) }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let words = String(cString: line).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard words.count >= 2, words[0] == "nameserver" else { continue }
            // A link-local IPv6 address with a zone (fe80::1%eth0) is left as it is: getaddrinfo reads it.
            if let server = try? Nameserver(parsing: String(words[1])) { return server }
            if isNumericAddress(String(words[1])) { return Nameserver(host: String(words[1])) }
        }
        throw .noNameserver(path: path)
    }

    static func isNumericAddress(_ host: String) -> Bool {
        guard !host.isEmpty else { return false }
        var v4 = in_addr()
        var v6 = in6_addr()
        let plain = String(host.split(separator: "%", maxSplits: 1).first ?? "")
        return inet_pton(AF_INET, plain, &v4) == 1 || inet_pton(AF_INET6, plain, &v6) == 1
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
