import Testing
@testable import BylineHTTP

/// Which `X-Forwarded-For` address is the client's, and which peers may say so.
struct TrustedProxiesTests {
    @Test func blocksParseAndMatchByPrefix() throws {
        let proxies = try TrustedProxies(parsing: " 10.0.0.0/8, 192.168.1.7 ,fd00::/8, 172.16.0.0/12")
        #expect(proxies.trusts(TrustedProxies.bytes(of: "10.255.0.1")!))
        #expect(!proxies.trusts(TrustedProxies.bytes(of: "11.0.0.1")!))
        #expect(proxies.trusts(TrustedProxies.bytes(of: "192.168.1.7")!))
        #expect(!proxies.trusts(TrustedProxies.bytes(of: "192.168.1.8")!))
        #expect(proxies.trusts(TrustedProxies.bytes(of: "fd12:3456::1")!))
        #expect(!proxies.trusts(TrustedProxies.bytes(of: "fe80::1")!))
        #expect(proxies.trusts(TrustedProxies.bytes(of: "172.31.255.255")!))
        #expect(!proxies.trusts(TrustedProxies.bytes(of: "172.32.0.0")!))
        // An IPv4 block never matches an IPv6 address, however the bits line up.
        #expect(!proxies.trusts(TrustedProxies.bytes(of: "a00::1")!))
        #expect(try TrustedProxies(parsing: "").isEmpty)
        #expect(try TrustedProxies(parsing: "0.0.0.0/0").trusts(TrustedProxies.bytes(of: "8.8.8.8")!))
    }

    @Test(arguments: ["10.0.0.0/33", "10.0.0/8", "proxy.internal", "::/129", "10.0.0.0/", "10.0.0.0/8/1", "10.0.0.0/+8"])
    func invalidBlocksAreRefused(_ list: String) {
        #expect(throws: TrustedProxies.ParseError.self) { try TrustedProxies(parsing: list) }
    }

    @Test func theClientIsTheRightmostAddressNotATrustedProxy() throws {
        let proxies = try TrustedProxies(parsing: "10.0.0.0/8")
        // Untrusted peer: the header is not read at all.
        #expect(proxies.clientAddress(peerHost: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9")
        // Trusted peer, no header: the peer.
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: []) == "10.0.0.1")
        // Chains of proxies are skipped from the right; what the client wrote is not reached.
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["1.1.1.1, 203.0.113.5, 10.0.0.2"]) == "203.0.113.5")
        // Several header lines are one list, in order (RFC 9110 §5.3).
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["1.1.1.1", "203.0.113.5"]) == "203.0.113.5")
        // Every hop a proxy: the leftmost.
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["10.0.0.3, 10.0.0.2"]) == "10.0.0.3")
        // Ports and IPv6 brackets are stripped.
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["203.0.113.5:4711"]) == "203.0.113.5")
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["[2001:db8::7]:4711"]) == "2001:db8::7")
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["2001:db8::7"]) == "2001:db8::7")
        // Garbage ends the walk at the last hop a proxy vouched for.
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["203.0.113.5, unknown"]) == "10.0.0.1")
        #expect(proxies.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["junk, 10.0.0.2"]) == "10.0.0.2")
        // No proxies configured: the peer, whatever the header says.
        #expect(TrustedProxies.none.clientAddress(peerHost: "10.0.0.1", forwardedFor: ["203.0.113.5"]) == "10.0.0.1")
    }
}
