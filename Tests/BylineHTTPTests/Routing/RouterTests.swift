import Testing
@testable import BylineHTTP

struct RouterTests {
    func router() -> Router {
        var b = RouterBuilder()
        b.get("/v1/articles") { _ in .text("list") }
        b.post("/v1/articles") { _ in .text("create") }
        b.get("/v1/articles/{id}") { r in .text(r.pathParameters["id"] ?? "") }
        b.delete("/v1/articles/{id}") { _ in .text("del") }
        return b.freeze()
    }

    @Test func bindsParameters() throws {
        guard case .found(let route, let params) = router().match(.get, path: "/v1/articles/abc") else {
            Issue.record("no match"); return
        }
        #expect(route.pattern == "/v1/articles/{id}")
        #expect(params == ["id": "abc"])
    }

    @Test func headIsServedByGet() {
        guard case .found(let route, _) = router().match(.head, path: "/v1/articles") else {
            Issue.record("no match"); return
        }
        #expect(route.method == .get)
    }

    @Test func knownPathWrongMethodIs405WithAllow() {
        guard case .methodNotAllowed(let allowed) = router().match(.put, path: "/v1/articles/x") else {
            Issue.record("expected 405"); return
        }
        #expect(allowed.map(\.description) == ["GET", "HEAD", "DELETE", "OPTIONS"])
    }

    @Test func unknownPathIs404() {
        guard case .notFound = router().match(.get, path: "/v2/nothing") else {
            Issue.record("expected 404"); return
        }
    }
}
