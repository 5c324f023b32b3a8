import BylineAPI
import BylineHTTP
import Testing
@testable import byline

/// Rate limit and CORS settings: documented defaults, the usual layering, strict values,
/// and the middleware chain they produce.
struct ClientPolicySettingsTests {
    @Test func defaultsMatchTheDocumentedOnes() throws {
        let policy = try Settings.resolve(layers: []).clientPolicy
        #expect(policy.rateLimitEnabled)
        #expect(policy.rateLimit.keyed == RateLimitPolicy(name: "key", ratePerSecond: 50, burst: 100))
        #expect(policy.rateLimit.anonymous == RateLimitPolicy(name: "address", ratePerSecond: 10, burst: 40))
        #expect(policy.rateLimit.maxClients == 100_000)
        #expect(policy.corsPolicy.origins == .none)
        #expect(policy.corsMaxAgeSeconds == 600)
        #expect(policy.trustedProxies.isEmpty)
    }

    @Test func environmentBeatsTheFile() throws {
        let file: Settings.Source = ["rate_limit_address_rate": "2", "cors_allowed_origins": "https://a.example"]
        let env = Settings.environmentSource(["BYLINE_RATE_LIMIT_ADDRESS_RATE": "0.5",
                                              "BYLINE_RATE_LIMIT_KEY_BURST": "7",
                                              "BYLINE_RATE_LIMIT_ENABLED": "off",
                                              "BYLINE_TRUSTED_PROXIES": "10.0.0.0/8, fd00::/8"])
        let policy = try Settings.resolve(layers: [file, env]).clientPolicy
        #expect(policy.rateLimit.anonymous.ratePerSecond == 0.5)
        #expect(policy.rateLimit.keyed.burst == 7)
        #expect(!policy.rateLimitEnabled)
        #expect(policy.corsPolicy.allows(origin: "https://a.example"))
        #expect(!policy.corsPolicy.allows(origin: "https://b.example"))
        #expect(policy.trustedProxies == (try TrustedProxies(parsing: "10.0.0.0/8,fd00::/8")))
    }

    @Test(arguments: [("rate_limit_key_rate", "0"), ("rate_limit_address_rate", "fast"), ("rate_limit_address_rate", "inf"),
                      ("rate_limit_address_burst", "0"), ("rate_limit_max_clients", "-3"), ("rate_limit_enabled", "sometimes"),
                      ("cors_max_age_seconds", "-1"), ("trusted_proxies", "10.0.0.0/40"), ("trusted_proxies", "proxy")])
    func invalidValuesAreRejected(_ pair: (String, String)) {
        #expect(throws: Settings.LoadError.self) { try Settings.resolve(layers: [[pair.0: pair.1]]) }
    }

    @Test func theChainHasTheRateLimitOnlyWhenEnabled() throws {
        let keys = APIKeys(hashes: [])
        let writes = WriteAuthorization(keys: keys, loopbackOnly: true)
        let on = try Settings.resolve(layers: [])
        let off = try Settings.resolve(layers: [["rate_limit_enabled": "false"]])
        let onMetrics = ServiceMetrics(), offMetrics = ServiceMetrics()
        let names = { (settings: Settings, metrics: ServiceMetrics) in
            ServeCommand.middleware(settings: settings, keys: keys, writes: writes, metrics: metrics)
                .map { String(describing: type(of: $0)) }
        }
        #expect(names(on, onMetrics) == ["RequestMetricsMiddleware", "CORSMiddleware", "RateLimitMiddleware",
                                         "WriteAuthorization", "RepresentationMiddleware"])
        #expect(names(off, offMetrics) == ["RequestMetricsMiddleware", "CORSMiddleware", "WriteAuthorization",
                                           "RepresentationMiddleware"])
        // The limiter's table size is reported only when there is a limiter.
        #expect(onMetrics.registry.emitToString().contains("byline_rate_limit_tracked_clients"))
        #expect(!offMetrics.registry.emitToString().contains("byline_rate_limit_tracked_clients"))
    }
}
