import COpenSSL

/// The configured API keys, held only as SHA-256 digests, and the check of a presented key
/// against them. Write authorization and rate limiting share one instance, so a key counts
/// as a key for its rate only if it would also be accepted for writing.
public struct APIKeys: Sendable, Equatable {
    /// Who presented a valid key, without revealing the key: the first 8 bytes of its
    /// digest, in hex. Rate limit buckets are keyed by it; it is never logged or sent.
    public struct Identity: Sendable, Hashable {
        let digestPrefix: String
    }

    let hashes: [[UInt8]]

    /// - Parameter hashes: hex SHA-256 digests of the accepted keys (never the keys themselves);
    ///   malformed entries are ignored.
    public init(hashes: [String]) {
        self.hashes = hashes.compactMap(APIKeys.bytes(hex:)).filter { $0.count == 32 }
    }

    public var isEmpty: Bool { hashes.isEmpty }

    /// The identity of the key in `Authorization: Bearer <key>`, if that key is configured;
    /// nil for no header, another scheme, or an unknown key.
    public func identity(authorization: String?) -> Identity? {
        guard let key = APIKeys.bearerToken(authorization) else { return nil }
        return identity(key: key)
    }

    func identity(key: String) -> Identity? {
        let digest = SHA256Digest.hash(Array(key.utf8))
        // Compare against every hash, in constant time each, so timing tells nothing.
        var matched = false
        for hash in hashes {
            let equal = digest.withUnsafeBytes { a in
                hash.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, 32) == 0 }
            }
            matched = matched || equal
        }
        return matched ? Identity(digestPrefix: SHA256Digest.hexString(digest.prefix(8))) : nil
    }

    /// RFC 6750 §2.1: `Bearer` (any case), one space or more, then the token.
    static func bearerToken(_ value: String?) -> String? {
        guard let value else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingASCIIWhitespace()
        return token.isEmpty ? nil : String(token)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.trimmingASCIIWhitespace().lowercased().utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
