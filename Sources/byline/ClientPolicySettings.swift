import BylineHTTP

/// The settings of how the server treats clients beyond authentication: rate limits and
/// CORS. Kept in their own type (one stored property of `Settings`) and resolved by the same
/// layering: flags > `BYLINE_*` environment > config file > these defaults. README.md
/// documents each key.
struct ClientPolicySettings: Equatable {
    /// Off only for benchmarks and contract tests that send bursts from one address.
    var rateLimitEnabled = true
    var rateLimit = RateLimiter.Configuration()
    /// `*`, or a comma-separated list of origins; empty (the default): no cross-origin reads.
    var corsAllowedOrigins = ""
    var corsMaxAgeSeconds = 600
    /// Reverse proxies whose `X-Forwarded-For` names the client for per-address rate limits;
    /// none by default (the peer is the client).
    var trustedProxies = TrustedProxies.none

    static let keys: [String] = [
        "rate_limit_enabled", "rate_limit_key_rate", "rate_limit_key_burst", "rate_limit_address_rate",
        "rate_limit_address_burst", "rate_limit_max_clients", "cors_allowed_origins", "cors_max_age_seconds",
        "trusted_proxies",
    ]

    var corsPolicy: CORSPolicy {
        CORSPolicy(allowedOrigins: corsAllowedOrigins, maxAgeSeconds: corsMaxAgeSeconds)
    }

    mutating func apply(key: String, value: String) throws {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        func positiveInt() throws -> Int {
            guard let v = Int(trimmed), v > 0 else {
                throw Settings.LoadError.invalidValue(key: key, value: value, expected: "a positive integer")
            }
            return v
        }
        func rate() throws -> Double {
            guard let v = Double(trimmed), v > 0, v.isFinite else {
                throw Settings.LoadError.invalidValue(key: key, value: value, expected: "a positive number of requests per second")
            }
            return v
        }
        switch key {
        case "rate_limit_enabled":
            switch trimmed.lowercased() {
            case "1", "true", "yes", "on": rateLimitEnabled = true
            case "0", "false", "no", "off": rateLimitEnabled = false
            default: throw Settings.LoadError.invalidValue(key: key, value: value, expected: "true or false")
            }
        case "rate_limit_key_rate": rateLimit.keyed = rateLimit.keyed.with(ratePerSecond: try rate())
        case "rate_limit_key_burst": rateLimit.keyed = rateLimit.keyed.with(burst: try positiveInt())
        case "rate_limit_address_rate": rateLimit.anonymous = rateLimit.anonymous.with(ratePerSecond: try rate())
        case "rate_limit_address_burst": rateLimit.anonymous = rateLimit.anonymous.with(burst: try positiveInt())
        case "rate_limit_max_clients": rateLimit.maxClients = try positiveInt()
        case "cors_allowed_origins": corsAllowedOrigins = trimmed
        case "cors_max_age_seconds":
            guard let v = Int(trimmed), v >= 0 else {
                throw Settings.LoadError.invalidValue(key: key, value: value, expected: "a non-negative integer")
            }
            corsMaxAgeSeconds = v
        case "trusted_proxies":
            do {
                trustedProxies = try TrustedProxies(parsing: trimmed)
            } catch {
                throw Settings.LoadError.invalidValue(key: key, value: value,
                                                      expected: "comma-separated IP addresses or CIDR blocks (10.0.0.0/8)")
            }
        default: throw Settings.LoadError.unknownKey(key, source: "settings")
        }
    }
}

extension RateLimitPolicy {
    func with(ratePerSecond: Double? = nil, burst: Int? = nil) -> RateLimitPolicy {
        RateLimitPolicy(name: name, ratePerSecond: ratePerSecond ?? self.ratePerSecond, burst: burst ?? self.burst)
    }
}
