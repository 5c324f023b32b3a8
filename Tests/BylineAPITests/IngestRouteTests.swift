import BylineAPI
import BylineHTTP
import BylineStore
import Foundation
import Testing

@Suite("POST /v1/articles")
struct IngestRouteTests {
    static let articleMembers: Set<String> = [
        "id", "title", "outlet", "published", "url", "authors", "language", "word_count", "story_id",
        "body", "quotes", "entities", "dates", "sha256", "ingested_at",
    ]

    @Test("plain text: 201, Location, and the full article with what the text shows")
    func createPlainText() throws {
        let api = try APIHarness()
        let seed = try String(contentsOf: APIHarness.seedsDirectory.appendingPathComponent("001_38687e89ce06127b.txt"), encoding: .utf8)
        let response = try api.postText(seed)
        #expect(response.status == .created)
        #expect(response.headers["Content-Type"] == "application/json")
        let article = try APIHarness.json(response)
        #expect(Set(article.keys) == Self.articleMembers)
        let id = try #require(article["id"] as? String)
        #expect(response.headers["Location"] == "/v1/articles/\(id)")
        #expect(article["title"] as? String == "Putin, Trump discuss 'very alarming' Israel-Iran tensions in 50-minute call")
        #expect(article["outlet"] as? [String: String] == ["id": "trt-world", "name": "TRT World"])
        #expect(article["published"] as? String == "2025-06-14")
        #expect(article["language"] as? String == "en")
        #expect((article["word_count"] as? Int ?? 0) > 100)
        #expect((article["body"] as? String)?.hasPrefix("Russian President Vladimir Putin") == true)
        #expect(article["quotes"] is [Any] && article["entities"] is [Any] && article["dates"] is [Any])
        // Alone in the store, an article is a story of its own, named after it.
        #expect(article["story_id"] as? String == "s-" + (article["id"] as? String ?? ""))
        #expect(article["url"] is NSNull)
        #expect((article["sha256"] as? String)?.count == 64)
        #expect((article["ingested_at"] as? String)?.hasSuffix("Z") == true)
    }

    @Test("what the text does not show is null, not missing")
    func nulls() throws {
        let api = try APIHarness()
        let article = try APIHarness.json(try api.postText(APIHarness.paragraphs))
        #expect(Set(article.keys) == Self.articleMembers)
        #expect(article["title"] is NSNull)
        #expect(article["outlet"] is NSNull)
        #expect(article["published"] is NSNull)
    }

    @Test("the same text again: 200 with the existing article and no Location")
    func duplicate() throws {
        let api = try APIHarness()
        let first = try api.postText(APIHarness.article(1))
        let again = try api.postText(APIHarness.article(1) + "\n", contentType: "text/plain; charset=UTF-8")
        #expect(again.status == .ok)
        #expect(again.headers["Location"] == nil)
        #expect(try APIHarness.json(again)["id"] as? String == APIHarness.json(first)["id"] as? String)
        #expect(try api.store.count() == 1)
    }

    @Test("JSON with text and hints: the hints override what the parser finds")
    func jsonWithHints() throws {
        let api = try APIHarness()
        let response = try api.postJSON([
            "text": APIHarness.article(2, outlet: "Daily Planet", published: "June 14, 2025"),
            "title": "  Given   title ", "outlet": "Daily Bugle", "published": "2020-01-02",
            "url": "https://example.org/news/2",
        ])
        #expect(response.status == .created)
        let article = try APIHarness.json(response)
        #expect(article["title"] as? String == "Given title")
        #expect(article["outlet"] as? [String: String] == ["id": "daily-bugle", "name": "Daily Bugle"])
        #expect(article["published"] as? String == "2020-01-02")
        #expect(article["url"] as? String == "https://example.org/news/2")
    }

    @Test("JSON with text only: what the parser finds")
    func jsonTextOnly() throws {
        let api = try APIHarness()
        let article = try APIHarness.json(try api.postJSON(["text": APIHarness.article(3, outlet: "Daily Planet")]))
        #expect(article["title"] as? String == "Council votes on plan number 3")
        #expect(article["outlet"] as? [String: String] == ["id": "daily-planet", "name": "Daily Planet"])
    }

    @Test("media types other than text/plain, text/html and application/json: 415 with Accept-Post",
          arguments: ["image/png", "application/x-www-form-urlencoded", "text/html; charset=shift_jis",
                      "text/plain; charset=iso-8859-1", "not a media type"])
    func unsupportedMediaTypes(_ contentType: String) throws {
        let api = try APIHarness()
        let problem = try #require(api.problemPosting(Array("<p>Some text here.</p>".utf8), contentType: contentType))
        #expect(problem.status == .unsupportedMediaType)
        #expect(problem.headers["Accept-Post"] == "text/plain, text/html, application/json")
        #expect(try api.store.count() == 0)
    }

    @Test("a page with no article in it: 422, nothing stored",
          arguments: ["text/html", "application/json"])
    func pageWithoutArticle(_ contentType: String) throws {
        let api = try APIHarness()
        let page = "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>"
        let body = contentType == "text/html" ? Array(page.utf8)
            : Array(try JSONSerialization.data(withJSONObject: ["html": page]))
        let problem = try #require(api.problemPosting(body, contentType: contentType))
        #expect(problem.status == .unprocessableContent)
        #expect(problem.detail.contains("No article text"))
        #expect(try api.store.count() == 0)
    }

    @Test("no Content-Type: 415")
    func missingContentType() throws {
        let api = try APIHarness()
        #expect(api.problemPosting(Array(APIHarness.paragraphs.utf8), contentType: nil)?.status == .unsupportedMediaType)
    }

    @Test("bytes that are not UTF-8: 400", arguments: ["text/plain", "application/json"])
    func invalidUTF8(_ contentType: String) throws {
        let api = try APIHarness()
        let bytes: [UInt8] = Array("{\"text\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)
        #expect(api.problemPosting(bytes, contentType: contentType)?.status == .badRequest)
    }

    @Test("malformed JSON: 400", arguments: ["{\"text\":", "", "{text: 1}", "{\"text\": \"a\"} trailing"])
    func malformedJSON(_ body: String) throws {
        let api = try APIHarness()
        let problem = try #require(api.problemPosting(Array(body.utf8), contentType: "application/json"))
        #expect(problem.status == .badRequest)
        #expect(problem.slug == "malformed-body")
    }

    @Test("well-formed but unusable: 422", arguments: [
        ("empty text", #"{"text": ""}"#),
        ("blank text", #"{"text": "  \n\t "}"#),
        ("no text", #"{"url": "https://example.org/a"}"#),
        ("text of the wrong type", #"{"text": 5}"#),
        ("not an object", #"["text"]"#),
        ("bad published", #"{"text": "Some words of a story here.", "published": "14 June 2025"}"#),
        ("impossible published", #"{"text": "Some words of a story here.", "published": "2025-02-30"}"#),
        ("relative url", #"{"text": "Some words of a story here.", "url": "/news/1"}"#),
        ("empty title", #"{"text": "Some words of a story here.", "title": " "}"#),
        ("outlet of the wrong type", #"{"text": "Some words of a story here.", "outlet": {"name": "x"}}"#),
        ("text and html", #"{"text": "Some words.", "html": "<p>Some words.</p>"}"#),
    ])
    func unprocessable(_ label: String, _ body: String) throws {
        let api = try APIHarness()
        let problem = try #require(api.problemPosting(Array(body.utf8), contentType: "application/json"), "\(label)")
        #expect(problem.status == .unprocessableContent, "\(label)")
        #expect(try api.store.count() == 0)
    }

    @Test("empty or blank plain text: 422", arguments: ["", "   \n\t\r\n"])
    func blankPlainText(_ text: String) throws {
        let api = try APIHarness()
        #expect(api.problemPosting(Array(text.utf8), contentType: "text/plain")?.status == .unprocessableContent)
    }
}
