import BylineHTTP
import Logging
import Prometheus
import Testing

/// Rate limits, CORS and request metrics on the real server over a real socket.
@Suite struct EdgeIntegrationTests {
    static func server(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws -> TestServer {
        // Burst 3, and so slow a refill that none comes back while the test runs.
        let limiter = RateLimiter(configuration: .init(
            keyed: RateLimitPolicy(name: "key", ratePerSecond: 0.01, burst: 10),
            anonymous: RateLimitPolicy(name: "address", ratePerSecond: 0.01, burst: 3)))
        let middleware: [any HTTPMiddleware] = [
            RequestMetricsMiddleware(factory: PrometheusMetricsFactory(registry: registry)),
            CORSMiddleware(policy: CORSPolicy(allowedOrigins: "https://app.example")),
            RateLimitMiddleware(limiter: limiter, keys: APIKeys(hashes: [])),
        ] + HTTPApplication.standardMiddleware()
        return try TestServer(middleware: middleware) { router in
            TestServer.standardRoutes(&router)
            router.get("/healthz", execution: .eventLoop) { _ in .json(Array("{\"status\":\"ok\"}".utf8)) }
        }
    }

    @Test func overTheBurstIs429WithRetryAfterAndRateLimitFields() throws {
        let live = try Self.server()
        defer { live.stop() }
        let connection = try live.connect()
        var remaining: [String] = []
        for _ in 0..<3 {
            connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.headers["RateLimit-Policy"] == "\"address\";q=3;w=300")
            remaining.append(response.headers["RateLimit"] ?? "")
        }
        #expect(remaining.map { $0.split(separator: ";")[1] } == ["r=2", "r=1", "r=0"])
        // A new connection from the same address shares the bucket.
        let another = try live.connect()
        another.send("GET /json HTTP/1.1\r\nHost: x\r\n\r\n")
        let refused = try another.readResponse()
        #expect(refused.status == 429)
        #expect(refused.headers["Content-Type"] == "application/problem+json")
        let retryAfter = try #require(refused.headers["Retry-After"].flatMap { Int($0) })
        #expect((99...101).contains(retryAfter))  // one token at 0.01/s
        #expect(refused.headers["RateLimit"]?.hasPrefix("\"address\";r=0;t=") == true)
        #expect(refused.bodyText.contains("rate-limited"))
    }

    @Test func healthIsExemptWhileTheClientIsLimited() throws {
        let live = try Self.server()
        defer { live.stop() }
        let connection = try live.connect()
        for _ in 0..<4 {
            connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try connection.readResponse()
        }
        connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try connection.readResponse().status == 429)
        for _ in 0..<10 {
            connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let health = try connection.readResponse()
            #expect(health.status == 200)
            #expect(health.headers["RateLimit"] == nil)
        }
    }

    @Test func preflightFromAnAllowedOriginAndFromAnother() throws {
        let live = try Self.server()
        defer { live.stop() }
        let connection = try live.connect()
        connection.send("OPTIONS /items/7 HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example\r\n"
                        + "Access-Control-Request-Method: DELETE\r\nAccess-Control-Request-Headers: authorization\r\n\r\n")
        let allowed = try connection.readResponse()
        #expect(allowed.status == 204)
        #expect(allowed.headers["Access-Control-Allow-Origin"] == "https://app.example")
        #expect(allowed.headers["Access-Control-Allow-Methods"] == "GET, HEAD, DELETE, OPTIONS")
        #expect(allowed.headers["Access-Control-Allow-Headers"]?.contains("Authorization") == true)
        #expect(allowed.headers["Access-Control-Max-Age"] == "600")
        #expect(allowed.headers.values("Vary").contains("Origin"))

        connection.send("OPTIONS /items/7 HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n"
                        + "Access-Control-Request-Method: DELETE\r\n\r\n")
        let refused = try connection.readResponse()
        #expect(refused.status == 204)
        #expect(!refused.headers.contains { $0.name.lowercased().hasPrefix("access-control-") })
    }

    @Test func metricsCountRequestsByTemplate() throws {
        let registry = PrometheusCollectorRegistry()
        let live = try Self.server(registry: registry)
        defer { live.stop() }
        let connection = try live.connect()
        for target in ["/items/1", "/items/2", "/nowhere/3"] {
            connection.send("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try connection.readResponse()
        }
        let text = registry.emitToString()
        #expect(text.contains(#"http_server_requests_total{method="GET",route="/items/{id}",status="200"} 2"#))
        #expect(text.contains(#"http_server_requests_total{method="GET",route="unmatched",status="404"} 1"#))
        #expect(text.contains(#"http_server_request_duration_seconds_count{method="GET",route="/items/{id}"} 2"#))
        #expect(!text.contains("/nowhere"))
    }
}
