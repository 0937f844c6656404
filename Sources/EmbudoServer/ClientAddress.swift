import EmbudoModel
import HTTPTypes

/// The client's address as the service sees it: the TCP peer's, unless the peer is a trusted proxy
/// (`--trusted-proxy`), in which case the nearest address in `X-Forwarded-For` that is not itself a
/// trusted proxy. A client that is not a trusted proxy cannot choose its address with the header.
public struct TrustedProxies: Sendable, Equatable {
    let addresses: Set<String>

    /// - Parameter addresses: the proxies' IP addresses (IPv4 or IPv6, as written).
    public init(_ addresses: [String]) {
        self.addresses = Set(addresses.map(Self.normalise).filter { !$0.isEmpty })
    }

    /// No proxy is trusted: the peer's address is the client's.
    public static let none = TrustedProxies([])

    /// Parses `ADDR[,ADDR…]` (spaces allowed); nil when an entry is not an IP address.
    public static func parse(_ list: String) -> TrustedProxies? {
        let entries = list.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        guard entries.allSatisfy(isIPAddress) else { return nil }
        return TrustedProxies(entries)
    }

    /// Whether `address` is one of the trusted proxies.
    public func contains(_ address: String) -> Bool {
        addresses.contains(Self.normalise(address))
    }

    /// The client's address for a request that came from `peer` with these `X-Forwarded-For` values.
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { Self.normalise(String($0)) }.filter { !$0.isEmpty }
        // From the nearest hop outwards: the first one that is not a proxy we trust is the client.
        for hop in hops.reversed() where !addresses.contains(hop) {
            return hop
        }
        return hops.first ?? peer
    }

    /// An address without spaces, brackets, port or IPv4-mapped prefix, in lower case.
    static func normalise(_ address: String) -> String {
        var text = address.trimmingSpaces().lowercased()
        if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<end])
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])  // IPv4 with a port
        }
        if text.hasPrefix("::ffff:"), text.contains(".") { text = String(text.dropFirst(7)) }
        return text
    }

    static func isIPAddress(_ text: String) -> Bool {
        let address = normalise(text)
        if address.contains(":") {
            return address.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } && address.count <= 45
        }
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
        }
    }
}

extension HTTPField.Name {
    /// The addresses a request passed through, as proxies report them.
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
