import Testing
@testable import BylineHTTP

/// The CORS protocol (Fetch standard §3.2) around the router's own OPTIONS answers.
struct CORSMiddlewareTests {
    let logs = CapturedLogs()

    func application(_ policy: CORSPolicy) -> HTTPApplication {
        var router = RouterBuilder()
        router.get("/items") { _ in .json(Array("[]".utf8)) }
        router.post("/items") { _ in HTTPResponse(status: .created, headers: ["Location": "/items/1"]) }
        router.get("/items/{id}") { _ in .json(Array("{}".utf8)) }
        router.delete("/items/{id}") { _ in HTTPResponse(status: .noContent) }
        return HTTPApplication(router: router.freeze(), middleware: [CORSMiddleware(policy: policy, logger: logs.logger)],
                               logger: logs.logger)
    }

    let listed = CORSPolicy(allowedOrigins: "https://app.example, https://admin.example/", maxAgeSeconds: 900)

    func request(_ method: HTTPMethod, _ target: String, _ headers: HTTPHeaders, id: String = "req-9") -> HTTPRequest {
        var request = HTTPRequest(head: HTTPRequestHead(method: method, target: target, version: .http1_1, headers: headers))
        request.requestID = id
        return request
    }

    func preflight(_ target: String, origin: String, method: String, headers: String? = nil) -> HTTPRequest {
        var fields: HTTPHeaders = ["Origin": origin, "Access-Control-Request-Method": method]
        if let headers { fields.add("Access-Control-Request-Headers", headers) }
        return request(.options, target, fields)
    }

    @Test func allowedPreflightGetsThePathsMethodsFromTheRouter() {
        let response = application(listed).respond(to: preflight("/items/42", origin: "https://app.example", method: "DELETE",
                                                                 headers: "authorization, content-type"))
        #expect(response.status == .noContent)
        #expect(response.headers["Access-Control-Allow-Origin"] == "https://app.example")
        #expect(response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, DELETE, OPTIONS")
        #expect(response.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Headers"] == "Authorization, Content-Type, If-None-Match, X-Request-Id")
        #expect(response.headers["Access-Control-Max-Age"] == "900")
        #expect(response.headers.values("Vary").contains("Origin"))
    }

    @Test func disallowedOriginsGetNoCORSHeadersAndAreLogged() throws {
        let app = application(listed)
        let preflight = app.respond(to: preflight("/items", origin: "https://evil.example", method: "POST"))
        #expect(preflight.status == .noContent)  // the plain OPTIONS answer, which a browser rejects
        let simple = app.respond(to: request(.get, "/items", ["Origin": "https://evil.example"], id: "req-evil"))
        #expect(simple.status == .ok)
        for response in [preflight, simple] {
            #expect(!response.headers.contains { $0.name.lowercased().hasPrefix("access-control-") })
            #expect(response.headers.values("Vary").contains("Origin"))
        }
        let record = try #require(logs.all.last { $0.message == "cors refused" })
        #expect(record.metadata["request_id"] == "req-evil")
        #expect(record.metadata["reason"] == "origin not allowed")
    }

    @Test func preflightForAMethodThePathLacksFails() {
        let response = application(listed).respond(to: preflight("/items", origin: "https://app.example", method: "DELETE"))
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
        #expect(response.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
    }

    @Test func preflightAskingForAnUnlistedHeaderFails() {
        let response = application(listed).respond(to: preflight("/items", origin: "https://app.example", method: "POST",
                                                                 headers: "Content-Type, X-Secret-Sauce"))
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func preflightForAnUnknownPathIsA404WithoutCORS() {
        let response = application(listed).respond(to: preflight("/nowhere", origin: "https://app.example", method: "GET"))
        #expect(response.status == .notFound)
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func actualRequestsExposeTheHeadersScriptsNeed() {
        let app = application(listed)
        let created = app.respond(to: request(.post, "/items", ["Origin": "https://ADMIN.example"]))
        #expect(created.status == .created)
        #expect(created.headers["Access-Control-Allow-Origin"] == "https://ADMIN.example")
        let exposed = created.headers["Access-Control-Expose-Headers"] ?? ""
        for name in ["ETag", "Link", "Location", "Retry-After", "RateLimit", "RateLimit-Policy"] {
            #expect(exposed.contains(name))
        }
        // Errors are readable too: a page can see why it failed.
        let missing = app.respond(to: request(.get, "/nowhere", ["Origin": "https://app.example"]))
        #expect(missing.status == .notFound)
        #expect(missing.headers["Access-Control-Allow-Origin"] == "https://app.example")
    }

    @Test func wildcardAnswersStarWithoutVary() {
        let app = application(CORSPolicy(allowedOrigins: "*"))
        let response = app.respond(to: request(.get, "/items", ["Origin": "https://anyone.example"]))
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        #expect(!response.headers.values("Vary").contains("Origin"))
        let pre = app.respond(to: preflight("/items", origin: "https://anyone.example", method: "POST"))
        #expect(pre.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func theDefaultAllowsNoOriginAndAddsNothing() {
        let app = application(CORSPolicy())
        let response = app.respond(to: request(.get, "/items", ["Origin": "https://app.example"]))
        #expect(response.status == .ok)
        #expect(!response.headers.contains { $0.name.lowercased().hasPrefix("access-control-") })
        #expect(response.headers["Vary"] == nil)
        #expect(CORSPolicy(allowedOrigins: "").origins == .none)
    }
}
