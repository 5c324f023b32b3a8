import BylineAPI
import BylineHTTP
import BylineStore
import Foundation
import Testing

@Suite("GET /v1/articles")
struct ListRouteTests {
    /// Ingests `count` articles and returns their IDs in ingestion order.
    static func ingest(_ api: APIHarness, count: Int, outlet: (Int) -> String? = { _ in nil },
                       published: (Int) -> String? = { _ in nil }) throws -> [String] {
        try (1...count).map { number in
            let response = try api.postText(APIHarness.article(number, outlet: outlet(number), published: published(number)))
            return try #require(try APIHarness.json(response)["id"] as? String)
        }
    }

    static func ids(_ response: HTTPResponse) throws -> [String] {
        let data = try #require(try APIHarness.json(response)["data"] as? [[String: Any]])
        return data.compactMap { $0["id"] as? String }
    }

    /// The target of a `Link: <…>; rel="next"` header.
    static func nextLink(_ response: HTTPResponse) -> String? {
        guard let link = response.headers["Link"], link.hasSuffix("; rel=\"next\""),
              let open = link.firstIndex(of: "<"), let close = link.firstIndex(of: ">") else { return nil }
        return String(link[link.index(after: open)..<close])
    }

    @Test("25 articles, limit 7: following next_cursor visits each once, in order")
    func walkByCursor() throws {
        let api = try APIHarness()
        let ids = try Self.ingest(api, count: 25)
        var seen: [String] = [], pages = 0
        var target = "/v1/articles?limit=7"
        while true {
            let response = try api.send(.get, target)
            let body = try APIHarness.json(response)
            seen += try Self.ids(response)
            pages += 1
            guard let cursor = body["next_cursor"] as? String else {
                #expect(body["next_cursor"] is NSNull)
                #expect(response.headers["Link"] == nil)
                break
            }
            #expect(Self.nextLink(response) != nil)
            target = "/v1/articles?limit=7&cursor=\(cursor)"
        }
        #expect(seen == ids)
        #expect(pages == 4)
    }

    @Test("the Link header keeps the other parameters and replaces the cursor")
    func linkPreservesQuery() throws {
        let api = try APIHarness()
        let ids = try Self.ingest(api, count: 9, outlet: { $0 % 2 == 0 ? "Daily Planet" : "Daily Bugle" })
        let planet = [ids[1], ids[3], ids[5], ids[7]]
        var seen: [String] = []
        var target: String? = "/v1/articles?outlet=Daily+Planet&q=council&limit=3"
        var links: [String] = []
        while let current = target {
            let response = try api.send(.get, current)
            seen += try Self.ids(response)
            target = Self.nextLink(response)
            if let target { links.append(target) }
        }
        #expect(seen == planet)
        #expect(links.count == 1)
        let link = try #require(links.first)
        #expect(link.hasPrefix("/v1/articles?outlet=Daily+Planet&q=council&limit=3&cursor="))
        #expect(link.components(separatedBy: "cursor=").count == 2)
    }

    @Test("limit defaults to 20")
    func defaultLimit() throws {
        let api = try APIHarness()
        let ids = try Self.ingest(api, count: 21)
        let response = try api.send(.get, "/v1/articles")
        #expect(try Self.ids(response) == Array(ids.prefix(20)))
        #expect(try APIHarness.json(response)["next_cursor"] is String)
    }

    @Test("summaries name their article's origin but carry no body")
    func summaryShape() throws {
        let api = try APIHarness()
        _ = try Self.ingest(api, count: 1, outlet: { _ in "Daily Planet" }, published: { _ in "June 14, 2025" })
        let data = try #require(try APIHarness.json(try api.send(.get, "/v1/articles"))["data"] as? [[String: Any]])
        let summary = try #require(data.first)
        #expect(Set(summary.keys) == ["id", "title", "outlet", "published", "url", "authors", "language",
                                      "word_count", "story_id", "ingested_at"])
        #expect(summary["outlet"] as? [String: String] == ["id": "daily-planet", "name": "Daily Planet"])
        #expect(summary["published"] as? String == "2025-06-14")
        #expect(summary["url"] is NSNull)
    }

    @Test("filters: outlet by ID or name, publication dates, full text")
    func filters() throws {
        let api = try APIHarness()
        let ids = try Self.ingest(api, count: 4, outlet: { $0 <= 2 ? "Daily Planet" : nil },
                                  published: { "June \(12 + $0), 2025" })
        #expect(try Self.ids(api.send(.get, "/v1/articles?outlet=daily-planet")) == [ids[0], ids[1]])
        #expect(try Self.ids(api.send(.get, "/v1/articles?outlet=Daily%20Planet")) == [ids[0], ids[1]])
        #expect(try Self.ids(api.send(.get, "/v1/articles?published_from=2025-06-14")) == [ids[1], ids[2], ids[3]])
        #expect(try Self.ids(api.send(.get, "/v1/articles?published_from=2025-06-14&published_to=2025-06-15")) == [ids[1], ids[2]])
        #expect(try Self.ids(api.send(.get, "/v1/articles?q=%22number%203%22")) == [ids[2]])
        #expect(try Self.ids(api.send(.get, "/v1/articles?q=nothingmatchesthis")).isEmpty)
    }

    @Test("bad parameter values: 400", arguments: [
        "limit=0", "limit=201", "limit=ten", "limit=", "limit=1.5",
        "cursor=abc", "cursor=", "cursor=djI6MTI",
        "published_from=2025-6-14", "published_to=June%2014", "published_from=2025-02-30",
        "published_from=2025-06-15&published_to=2025-06-14",
        "outlet=", "q=", "q=%22unterminated", "q=AND", "q=nosuchcolumn:word",
    ])
    func badParameters(_ query: String) throws {
        let api = try APIHarness()
        _ = try Self.ingest(api, count: 1)
        let problem = try #require(api.problem(.get, "/v1/articles?\(query)"), "\(query)")
        #expect(problem.status == .badRequest, "\(query)")
    }

    @Test("a bad full-text query names itself as such")
    func badSearchProblem() throws {
        let api = try APIHarness()
        let problem = try #require(api.problem(.get, "/v1/articles?q=%22unterminated"))
        #expect(problem.slug == "invalid-search-query")
    }

    @Test("entity and speaker filters: known names match nothing yet, an empty value is a 400",
          arguments: ["entity", "speaker"])
    func entityFilters(_ name: String) throws {
        let api = try APIHarness()
        _ = try api.postText(APIHarness.paragraphs)
        let response = try api.send(.get, "/v1/articles?\(name)=person-nobody")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect((list["data"] as? [Any])?.isEmpty == true)
        #expect(api.problem(.get, "/v1/articles?\(name)=")?.status == .badRequest)
    }
}
