import BylineAPI
import BylineHTTP
import BylineStore
import Foundation
import Testing

@Suite("GET, raw, text and DELETE of one article")
struct ArticleRouteTests {
    @Test("GET returns what POST returned, byte for byte, every time")
    func show() throws {
        let api = try APIHarness()
        let created = try api.postText(APIHarness.article(1, outlet: "Daily Planet"))
        let location = try #require(created.headers["Location"])
        let first = try api.send(.get, location)
        let second = try api.send(.get, location)
        #expect(first.status == .ok)
        #expect(first.body == created.body)
        // Identical bytes for identical state: the HTTP layer's ETag depends on it.
        #expect(second.body == first.body)
    }

    @Test("an unknown ID: 404 problem on every article route", arguments: ["", "/raw", "/text"])
    func notFound(_ suffix: String) throws {
        let api = try APIHarness()
        let problem = try #require(api.problem(.get, "/v1/articles/0123456789abcdef0123\(suffix)"))
        #expect(problem.status == .notFound)
        #expect(problem.slug == "article-not-found")
    }

    @Test("raw: the original bytes with their media type")
    func raw() throws {
        let api = try APIHarness()
        let text = "Headline\r\n\r\n\(APIHarness.paragraphs)\r\n"
        let location = try #require(try api.postText(text).headers["Location"])
        let raw = try api.send(.get, location + "/raw")
        #expect(raw.status == .ok)
        #expect(raw.body == Array(text.utf8))
        #expect(raw.headers["Content-Type"] == "text/plain; charset=utf-8")
    }

    @Test("raw of a web page: served sandboxed, so its scripts cannot run as the API's origin")
    func rawPageIsSandboxed() throws {
        let api = try APIHarness()
        let page = "<html><body><script>fetch('/v1/articles', {method: 'DELETE'})</script><article><p>\(APIHarness.paragraphs)</p></article></body></html>"
        let location = try #require(try api.postText(page, contentType: "text/html").headers["Location"])
        let raw = try api.send(.get, location + "/raw")
        #expect(raw.body == Array(page.utf8))
        #expect(raw.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(raw.headers["Content-Security-Policy"] == "sandbox; default-src 'none'")
        #expect(raw.headers["X-Content-Type-Options"] == "nosniff")
    }

    @Test("raw of a JSON-posted article: the text member's bytes, as plain text")
    func rawFromJSON() throws {
        let api = try APIHarness()
        let location = try #require(try api.postJSON(["text": APIHarness.paragraphs]).headers["Location"])
        let raw = try api.send(.get, location + "/raw")
        #expect(raw.body == Array(APIHarness.paragraphs.utf8))
        #expect(raw.headers["Content-Type"] == "text/plain; charset=utf-8")
    }

    @Test("text: the text spans index, exactly as ingested")
    func text() throws {
        let api = try APIHarness()
        let text = "  Headline 🇺🇦\n\n\(APIHarness.paragraphs)\n\n"
        let location = try #require(try api.postText(text).headers["Location"])
        let response = try api.send(.get, location + "/text")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(response.body == Array(text.utf8))
    }

    @Test("DELETE: 204, then the article is gone and a second DELETE is a 404")
    func delete() throws {
        let api = try APIHarness()
        let location = try #require(try api.postText(APIHarness.article(1)).headers["Location"])
        let deleted = try api.send(.delete, location)
        #expect(deleted.status == .noContent)
        #expect(deleted.body.isEmpty)
        #expect(api.problem(.get, location)?.status == .notFound)
        #expect(api.problem(.delete, location)?.status == .notFound)
        #expect(try api.store.count() == 0)
    }
}
