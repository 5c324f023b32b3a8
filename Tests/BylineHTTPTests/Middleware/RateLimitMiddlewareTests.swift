import Logging
import Testing
@testable import BylineHTTP

/// The rate limit as the application applies it: which bucket a request is charged to,
/// the 429 problem and its headers, the exempt paths, and what is logged.
struct RateLimitMiddlewareTests {
    let clock = FakeClock()
    let logs = CapturedLogs()
    let secret = "k3y-never-logged"

    func application(trustedProxies: TrustedProxies = .none) -> HTTPApplication {
        var router = RouterBuilder()
        router.get("/healthz") { _ in .text("ok") }
        router.get("/readyz") { _ in .text("ready") }
        router.get("/metrics") { _ in .text("# metrics") }
        router.get("/items/{id}") { request in .text(request.pathParameters["id"] ?? "") }
        router.post("/items") { _ in HTTPResponse(status: .created) }
        let limiter = RateLimiter(
            configuration: .init(keyed: RateLimitPolicy(name: "key", ratePerSecond: 1, burst: 3),
                                 anonymous: RateLimitPolicy(name: "address", ratePerSecond: 0.5, burst: 2)),
            clock: clock.read)
        let keys = APIKeys(hashes: [SHA256Digest.hex(Array(secret.utf8))])
        return HTTPApplication(router: router.freeze(),
                               middleware: [RateLimitMiddleware(limiter: limiter, keys: keys, trustedProxies: trustedProxies,
                                                                   logger: logs.logger),
                                            WriteAuthorization(keys: keys, loopbackOnly: false)],
                               logger: logs.logger)
    }

    func request(_ method: HTTPMethod = .get, _ target: String = "/items/1", from address: String = "192.0.2.1:4000",
                 authorization: String? = nil, forwardedFor: String? = nil, id: String = "req-1") -> HTTPRequest {
        var headers = HTTPHeaders()
        if let authorization { headers.add("Authorization", authorization) }
        if let forwardedFor { headers.add("X-Forwarded-For", forwardedFor) }
        var request = HTTPRequest(head: HTTPRequestHead(method: method, target: target, version: .http1_1, headers: headers),
                                  remoteAddress: address)
        request.requestID = id
        return request
    }

    @Test func everyChargedResponseCarriesTheRateLimitFields() {
        let app = application()
        let first = app.respond(to: request())
        #expect(first.status == .ok)
        #expect(first.headers["RateLimit-Policy"] == "\"address\";q=2;w=4")
        #expect(first.headers["RateLimit"] == "\"address\";r=1;t=2")
        #expect(first.headers["Retry-After"] == nil)
    }

    @Test func overTheBurstIs429ProblemWithRetryAfter() {
        let app = application()
        _ = app.respond(to: request())
        _ = app.respond(to: request(from: "192.0.2.1:4001"))  // another port, same client
        let refused = app.respond(to: request(from: "192.0.2.1:4002"))
        #expect(refused.status == .tooManyRequests)
        #expect(refused.headers["Content-Type"] == "application/problem+json")
        #expect(refused.headers["Retry-After"] == "2")  // one token per 2 s
        #expect(refused.headers["RateLimit"] == "\"address\";r=0;t=4")
        #expect(refused.headers["RateLimit-Policy"] == "\"address\";q=2;w=4")
        #expect(String(decoding: refused.body, as: UTF8.self).contains("\"type\":\"https://byline.dev/problems/rate-limited\""))
        // Another address is unaffected; the first is served again after Retry-After.
        #expect(app.respond(to: request(from: "192.0.2.2:4000")).status == .ok)
        clock.advance(seconds: 2)
        #expect(app.respond(to: request()).status == .ok)
    }

    @Test func healthAndMetricsAreExempt() {
        let app = application()
        for _ in 0..<2 { _ = app.respond(to: request()) }
        #expect(app.respond(to: request()).status == .tooManyRequests)
        for path in ["/healthz", "/readyz", "/metrics"] {
            for _ in 0..<10 {
                let response = app.respond(to: request(.get, path))
                #expect(response.status == .ok)
                #expect(response.headers["RateLimit"] == nil)
            }
        }
    }

    @Test func corsPreflightsAreNotChargedButPlainOptionsIs() {
        let app = application()
        var preflight = request(.options, "/items")
        preflight.head.headers.add("Origin", "https://app.example")
        preflight.head.headers.add("Access-Control-Request-Method", "POST")
        for _ in 0..<5 { #expect(app.respond(to: preflight).status == .noContent) }
        #expect(app.respond(to: request()).headers["RateLimit"] == "\"address\";r=1;t=2")
        let options = app.respond(to: request(.options, "/items"))
        #expect(options.status == .noContent)
        #expect(options.headers["RateLimit"] == "\"address\";r=0;t=4")
    }

    @Test func aValidKeyHasItsOwnBucketAndPolicy() {
        let app = application()
        for _ in 0..<2 { _ = app.respond(to: request()) }
        #expect(app.respond(to: request()).status == .tooManyRequests)
        // Same address, with a key: charged to the key (burst 3), not to the spent address.
        let keyed = (0..<4).map { _ in app.respond(to: request(.post, "/items", authorization: "Bearer \(secret)")) }
        #expect(keyed.prefix(3).allSatisfy { $0.status == .created })
        #expect(keyed[0].headers["RateLimit-Policy"] == "\"key\";q=3;w=3")
        #expect(keyed[3].status == .tooManyRequests)
    }

    /// A wrong key is charged to the address: guessing keys is throttled like anything else.
    @Test func aWrongKeyIsChargedToTheAddress() {
        let app = application()
        let statuses = (0..<3).map { _ in app.respond(to: request(.post, "/items", authorization: "Bearer guess")).status }
        #expect(statuses == [.unauthorized, .unauthorized, .tooManyRequests])
    }

    @Test func refusalsAreLoggedWithTheRequestIDButNeverTheKey() throws {
        let app = application()
        for n in 0..<4 { _ = app.respond(to: request(.post, "/items", authorization: "Bearer \(secret)", id: "keyed-\(n)")) }
        let record = try #require(logs.all.first { $0.message == "rate limited" })
        #expect(record.metadata["request_id"] == "keyed-3")
        #expect(record.metadata["client"] == "api_key")
        let digest = SHA256Digest.hex(Array(secret.utf8))
        for entry in logs.all {
            #expect(!entry.text.contains(secret))
            #expect(!entry.text.contains(String(digest.prefix(16))))
        }
    }

    @Test func behindATrustedProxyEachForwardedClientHasItsOwnBucket() throws {
        let app = application(trustedProxies: try TrustedProxies(parsing: "10.0.0.0/8"))
        for _ in 0..<2 { #expect(app.respond(to: request(from: "10.1.2.3:5000", forwardedFor: "203.0.113.7")).status == .ok) }
        #expect(app.respond(to: request(from: "10.1.2.3:5000", forwardedFor: "203.0.113.7")).status == .tooManyRequests)
        // Another client through the same proxy, and the same client through another one.
        #expect(app.respond(to: request(from: "10.1.2.3:5000", forwardedFor: "203.0.113.8")).status == .ok)
        #expect(app.respond(to: request(from: "10.9.9.9:5000", forwardedFor: "203.0.113.7")).status == .tooManyRequests)
        // A value the client wrote itself, left of what the proxy appended, changes nothing.
        #expect(app.respond(to: request(from: "10.1.2.3:5000", forwardedFor: "198.51.100.1, 203.0.113.7")).status == .tooManyRequests)
    }

    @Test func fromAnyoneButATrustedProxyForwardedForIsIgnored() throws {
        let app = application(trustedProxies: try TrustedProxies(parsing: "10.0.0.0/8"))
        _ = app.respond(to: request(forwardedFor: "198.51.100.1"))
        _ = app.respond(to: request(forwardedFor: "198.51.100.2"))
        #expect(app.respond(to: request(forwardedFor: "198.51.100.3")).status == .tooManyRequests,
                "a client cannot pick a fresh bucket per request")
    }
}
