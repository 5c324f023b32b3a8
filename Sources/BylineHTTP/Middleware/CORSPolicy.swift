/// Which cross-origin callers a browser may let read our responses (Fetch standard, "CORS
/// protocol", https://fetch.spec.whatwg.org/#http-cors-protocol).
///
/// The default allows no origin: the API then sends no CORS headers at all, and browsers
/// keep pages of other origins from reading it (non-browser clients are unaffected).
public struct CORSPolicy: Sendable, Equatable {
    public enum Origins: Sendable, Equatable {
        case none
        /// `*`: any origin. Safe for this API because it uses no cookies: a key travels in
        /// `Authorization`, which a page must set itself (and which needs a preflight).
        case any
        /// Serialized origins (`https://app.example`), compared ASCII case-insensitively.
        case list(Set<String>)
    }

    public var origins: Origins
    /// Request headers a preflight may ask for (`Access-Control-Allow-Headers`).
    public var allowedHeaders: [String]
    /// Response headers a script may read beyond the safelisted ones (`Access-Control-Expose-Headers`).
    public var exposedHeaders: [String]
    /// How long a browser may cache a preflight answer (`Access-Control-Max-Age`), seconds.
    public var maxAgeSeconds: Int

    public static let defaultAllowedHeaders = ["Authorization", "Content-Type", "If-None-Match", "X-Request-Id"]
    public static let defaultExposedHeaders = ["ETag", "Link", "Location", "Retry-After", "RateLimit",
                                               "RateLimit-Policy", "X-Request-Id"]

    public init(origins: Origins = .none, allowedHeaders: [String] = CORSPolicy.defaultAllowedHeaders,
                exposedHeaders: [String] = CORSPolicy.defaultExposedHeaders, maxAgeSeconds: Int = 600) {
        self.origins = origins
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.maxAgeSeconds = maxAgeSeconds
    }

    /// `*` alone means any origin; otherwise a comma-separated list of origins; empty: none.
    public init(allowedOrigins setting: String, maxAgeSeconds: Int = 600) {
        let entries = setting.split(separator: ",").map { String($0.trimmingASCIIWhitespace()) }.filter { !$0.isEmpty }
        if entries == ["*"] {
            self.init(origins: .any, maxAgeSeconds: maxAgeSeconds)
        } else if entries.isEmpty {
            self.init(origins: .none, maxAgeSeconds: maxAgeSeconds)
        } else {
            self.init(origins: .list(Set(entries.map(CORSPolicy.normalized))), maxAgeSeconds: maxAgeSeconds)
        }
    }

    public func allows(origin: String) -> Bool {
        switch origins {
        case .none: false
        case .any: true
        case .list(let allowed): allowed.contains(CORSPolicy.normalized(origin))
        }
    }

    /// Whether every header a preflight names (`Access-Control-Request-Headers`) is allowed.
    func allows(requestHeaders value: String?) -> Bool {
        guard let value else { return true }
        return value.split(separator: ",").allSatisfy { name in
            let trimmed = name.trimmingASCIIWhitespace()
            return trimmed.isEmpty || allowedHeaders.contains { $0.equalsIgnoringASCIICase(trimmed) }
        }
    }

    static func normalized<S: StringProtocol>(_ origin: S) -> String {
        var value = origin.trimmingASCIIWhitespace().lowercased()
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
