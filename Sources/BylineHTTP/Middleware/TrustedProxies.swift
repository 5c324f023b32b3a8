import Glibc

/// The reverse proxies whose `X-Forwarded-For` is believed, and the client address a request
/// comes from behind them.
///
/// Behind a proxy every request's peer is the proxy, so per-address rate limits would charge
/// all clients to one bucket. A proxy appends the address it received the request from to
/// `X-Forwarded-For`; anyone else can write anything there. So the header is read only when
/// the peer is a configured proxy, and from the right: each address a trusted proxy added is
/// skipped until the first one that is not a trusted proxy, which is the client (the rule of
/// nginx's `real_ip_recursive` and RFC 7239 §7.4's advice to trust only known hops). With
/// none configured (the default), the peer is the client.
public struct TrustedProxies: Sendable, Equatable {
    /// An address block: `prefix` bits of `address` (4 bytes for IPv4, 16 for IPv6).
    struct Block: Sendable, Equatable {
        let address: [UInt8]
        let prefix: Int

        func contains(_ other: [UInt8]) -> Bool {
            guard other.count == address.count else { return false }
            var bits = prefix
            for index in address.indices where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if address[index] & mask != other[index] & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    let blocks: [Block]

    public static let none = TrustedProxies(blocks: [])

    init(blocks: [Block]) {
        self.blocks = blocks
    }

    public enum ParseError: Error, Equatable {
        case invalidBlock(String)
    }

    /// `10.0.0.0/8, 192.168.1.7, fd00::/8`: addresses or CIDR blocks, comma-separated; an
    /// address alone is a block of one. Empty: no trusted proxy.
    public init(parsing list: String) throws {
        var blocks: [Block] = []
        for item in list.split(separator: ",") {
            let text = item.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let address = Self.bytes(of: String(parts[0])) else { throw ParseError.invalidBlock(text) }
            var prefix = address.count * 8
            if parts.count == 2 {
                guard let bits = Int(parts[1]), (0...prefix).contains(bits), parts[1].allSatisfy(\.isASCIIDigit) else {
                    throw ParseError.invalidBlock(text)
                }
                prefix = bits
            }
            blocks.append(Block(address: address, prefix: prefix))
        }
        self.blocks = blocks
    }

    public var isEmpty: Bool { blocks.isEmpty }

    func trusts(_ address: [UInt8]) -> Bool {
        blocks.contains { $0.contains(address) }
    }

    /// The client's address: `peerHost` (an address without port) unless it is a trusted
    /// proxy, then the rightmost address of `forwardedFor` (the `X-Forwarded-For` values,
    /// in order) that is not. A token that is not an address ends the walk at the hop before
    /// it: whatever sent it was not a proxy that follows the convention.
    public func clientAddress(peerHost: String, forwardedFor: [String]) -> String {
        guard !blocks.isEmpty, let peer = Self.bytes(of: peerHost), trusts(peer) else { return peerHost }
        var client = peerHost
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
        for hop in hops.reversed() {
            let text = Self.stripPort(hop.trimmingWhitespace())
            guard let address = Self.bytes(of: text) else { return client }
            client = text
            if !trusts(address) { return client }
        }
        return client
    }

    /// `1.2.3.4:80` → `1.2.3.4`; `[2001:db8::1]:80` → `2001:db8::1`; anything else as is.
    static func stripPort(_ text: String) -> String {
        ClientAddress.hostPart(text)
    }

    /// The address's bytes, or nil when `text` is not an IPv4 or IPv6 address.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
