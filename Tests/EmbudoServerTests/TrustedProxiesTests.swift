import EmbudoServer
import Testing

/// The client's address: `X-Forwarded-For` counts only when the TCP peer is a configured trusted proxy.
@Suite("Trusted proxies")
struct TrustedProxiesTests {
    @Test func theHeaderCountsOnlyFromATrustedProxy() throws {
        let proxies = try #require(TrustedProxies.parse("10.0.0.1, 10.0.0.2,::1"))
        // From a trusted proxy: the nearest hop that is not a trusted proxy.
        #expect(proxies.client(peer: "10.0.0.1", forwardedFor: ["203.0.113.5"]) == "203.0.113.5")
        #expect(proxies.client(peer: "10.0.0.1", forwardedFor: ["198.51.100.1, 203.0.113.5, 10.0.0.2"]) == "203.0.113.5")
        #expect(proxies.client(peer: "::ffff:10.0.0.1", forwardedFor: ["203.0.113.5:4711"]) == "203.0.113.5")
        #expect(proxies.client(peer: "::1", forwardedFor: ["198.51.100.1", "[2001:db8::7]:443"]) == "2001:db8::7")
        #expect(proxies.client(peer: "10.0.0.1", forwardedFor: []) == "10.0.0.1")
        // From anyone else, the header is the client's own claim and is ignored.
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: ["10.0.0.1"]) == "203.0.113.9")
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.5"]) == "127.0.0.1")
        #expect(TrustedProxies.none.client(peer: nil, forwardedFor: ["203.0.113.5"]) == nil)
    }

    @Test func onlyIPAddressesAreAccepted() {
        #expect(TrustedProxies.parse("10.0.0.1,2001:db8::1") != nil)
        #expect(TrustedProxies.parse("proxy.example.com") == nil)
        #expect(TrustedProxies.parse("10.0.0.256") == nil)
        #expect(TrustedProxies.parse("10.0.0.0/8") == nil)
    }
}
