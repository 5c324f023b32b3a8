import Glibc

/// The address a request is charged to for rate limiting, from the peer's `ip:port`.
///
/// IPv4 addresses count one by one. IPv6 addresses count by /64: a single subscriber is
/// routinely given a whole /64 (RFC 6177 §2), so per-address buckets would let one client
/// rotate through 2^64 of them.
enum ClientAddress {
    static func bucketKey(remoteAddress: String) -> String {
        bucketKey(host: hostPart(remoteAddress))
    }

    /// The bucket of an address without its port.
    static func bucketKey(host: String) -> String {
        guard host.utf8.contains(UInt8(ascii: ":")) else { return host }
        var address = in6_addr()
        guard inet_pton(AF_INET6, host, &address) == 1 else { return host }
        withUnsafeMutableBytes(of: &address) { bytes in
            for index in 8..<16 { bytes[index] = 0 }
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return host }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/64"
    }

    /// `1.2.3.4:5678` → `1.2.3.4`; `[2001:db8::1]:5678` → `2001:db8::1`; anything else as is.
    /// Works on UTF-8 bytes: this runs for every request, and Character-wise search costs
    /// thousands of instructions more.
    static func hostPart(_ remoteAddress: String) -> String {
        let bytes = remoteAddress.utf8
        if bytes.first == UInt8(ascii: "["), let close = bytes.firstIndex(of: UInt8(ascii: "]")) {
            return String(decoding: bytes[bytes.index(after: bytes.startIndex)..<close], as: UTF8.self)
        }
        if let colon = bytes.lastIndex(of: UInt8(ascii: ":")), bytes.firstIndex(of: UInt8(ascii: ":")) == colon {
            return String(decoding: bytes[..<colon], as: UTF8.self)
        }
        return remoteAddress
    }
}
