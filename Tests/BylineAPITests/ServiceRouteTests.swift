import BylineAPI
import BylineHTTP
import BylineStore
import Foundation
import Testing

@Suite("Service routes and the route table")
struct ServiceRouteTests {
    @Test("GET / lists the resources and the version")
    func index() throws {
        let api = try APIHarness()
        let index = try APIHarness.json(try api.send(.get, "/"))
        #expect(index["version"] as? String == "test-1")
        let links = try #require(index["links"] as? [String: String])
        #expect(links["articles"] == "/v1/articles")
        #expect(links["healthz"] == "/healthz")
        #expect(links["readyz"] == "/readyz")
    }

    @Test("liveness and readiness")
    func health() throws {
        let api = try APIHarness()
        #expect(try APIHarness.json(try api.send(.get, "/healthz")) as? [String: String] == ["status": "ok"])
        let ready = try api.send(.get, "/readyz")
        #expect(ready.status == .ok)
        #expect(try APIHarness.json(ready) as? [String: String] == ["status": "ready"])
    }

    @Test("an unreachable store is a 503 with Retry-After")
    func unavailable() {
        let problem = APIError.storeUnavailable.problem
        #expect(problem.status == .serviceUnavailable)
        #expect(problem.headers["Retry-After"] != nil)
    }

    @Test("only the fixed answers run on the event loop; everything touching the store is offloaded")
    func execution() throws {
        let api = try APIHarness()
        #expect(try api.route(.get, "/").execution == .eventLoop)
        #expect(try api.route(.get, "/healthz").execution == .eventLoop)
        for (method, path) in [(HTTPMethod.get, "/readyz"), (.post, "/v1/articles"), (.get, "/v1/articles"),
                               (.get, "/v1/articles/x"), (.get, "/v1/articles/x/raw"),
                               (.get, "/v1/articles/x/text"), (.delete, "/v1/articles/x")] {
            #expect(try api.route(method, path).execution == .offloaded, "\(method) \(path)")
        }
    }

    @Test("the route table answers 405 with what a path allows")
    func methods() throws {
        let api = try APIHarness()
        guard case .methodNotAllowed(let allowed) = api.router.match(.delete, path: "/v1/articles") else {
            Issue.record("DELETE /v1/articles should be 405")
            return
        }
        #expect(allowed.map(\.description) == ["GET", "HEAD", "POST", "OPTIONS"])
        guard case .methodNotAllowed(let one) = api.router.match(.post, path: "/v1/articles/x") else {
            Issue.record("POST /v1/articles/{id} should be 405")
            return
        }
        #expect(one.map(\.description) == ["GET", "HEAD", "DELETE", "OPTIONS"])
    }
}
