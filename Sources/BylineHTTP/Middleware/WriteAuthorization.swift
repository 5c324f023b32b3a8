import COpenSSL

/// Who may write (POST, PUT, PATCH, DELETE): reads are public.
///
/// - With API keys configured, a write needs `Authorization: Bearer <key>` whose SHA-256 is
///   one of the configured hashes (RFC 6750); otherwise 401 with `WWW-Authenticate`.
/// - With none, writes are open only when the server listens on loopback (the local default);
///   bound to any other address they are refused with 403, so a server exposed by mistake
///   cannot be written to by anyone who reaches it.
public struct WriteAuthorization: HTTPMiddleware {
    public enum Mode: Sendable, Equatable {
        case keys([[UInt8]])
        case openOnLoopback
        case closed
    }

    public let mode: Mode

    /// - Parameters:
    ///   - keyHashes: hex SHA-256 digests of the accepted keys (never the keys themselves).
    ///   - loopbackOnly: whether the server listens on a loopback address only.
    public init(keyHashes: [String], loopbackOnly: Bool) {
        let hashes = keyHashes.compactMap(WriteAuthorization.bytes(hex:)).filter { $0.count == 32 }
        if !hashes.isEmpty {
            mode = .keys(hashes)
        } else {
            mode = loopbackOnly ? .openOnLoopback : .closed
        }
    }

    public func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        switch request.method {
        case .get, .head, .options: return try next(request)
        default: break
        }
        switch mode {
        case .openOnLoopback:
            return try next(request)
        case .closed:
            throw Problem(status: .forbidden, slug: "writes-disabled",
                          detail: "Writes are disabled: the server listens beyond loopback and no API key is configured.")
        case .keys(let hashes):
            guard let key = WriteAuthorization.bearerToken(request.headers["Authorization"]) else {
                throw WriteAuthorization.unauthorized("A write needs an API key: Authorization: Bearer <key>.")
            }
            let digest = SHA256Digest.hash(Array(key.utf8))
            // Compare against every hash, in constant time each, so timing tells nothing.
            var matched = false
            for hash in hashes {
                let equal = digest.withUnsafeBytes { a in
                    hash.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, 32) == 0 }
                }
                matched = matched || equal
            }
            guard matched else { throw WriteAuthorization.unauthorized("The API key is not valid.") }
            return try next(request)
        }
    }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(status: .unauthorized, slug: "unauthorized", detail: detail,
                headers: ["WWW-Authenticate": "Bearer realm=\"byline\""])
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

    /// Whether `host` names only loopback (`127.0.0.0/8`, `::1`, `localhost`).
    public static func isLoopback(host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
