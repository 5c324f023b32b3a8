import BylineAnalysis
import Testing
@testable import BylineStore

@Suite("Listing articles")
struct ListTests {
    /// Walks every page and returns the IDs in the order seen.
    static func walk(_ store: ArticleStore, _ base: ArticleQuery) throws -> (ids: [String], pages: [Int]) {
        var query = base
        var ids: [String] = [], pages: [Int] = []
        while true {
            let page = try store.list(query)
            ids += page.articles.map(\.id)
            pages.append(page.articles.count)
            guard let next = page.next else { return (ids, pages) }
            query.after = next
        }
    }

    @Test("25 articles in pages of 7: each exactly once, in ingestion order")
    func pagination() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.databasePath)
        let ids = try (1...25).map { try store.ingest(StoreFixtures.input(StoreFixtures.article($0))).0.id }
        let walk = try Self.walk(store, ArticleQuery(limit: 7))
        #expect(walk.ids == ids)
        #expect(walk.pages == [7, 7, 7, 4])
    }

    @Test("a page that ends exactly at the last article has no next cursor")
    func exactLastPage() throws {
        let store = try ArticleStore.inMemory()
        for number in 1...14 { _ = try store.ingest(StoreFixtures.input(StoreFixtures.article(number))) }
        #expect(try Self.walk(store, ArticleQuery(limit: 7)).pages == [7, 7])
        #expect(try store.list(ArticleQuery(limit: 20)).next == nil)
    }

    @Test("deleting and adding articles during a walk neither repeats nor skips survivors")
    func stableUnderChange() throws {
        let store = try ArticleStore.inMemory()
        let ids = try (1...10).map { try store.ingest(StoreFixtures.input(StoreFixtures.article($0))).0.id }
        let first = try store.list(ArticleQuery(limit: 4))
        #expect(first.articles.map(\.id) == Array(ids[0..<4]))
        #expect(try store.delete(id: ids[3]))  // the page's last article, which the cursor points at
        #expect(try store.delete(id: ids[5]))
        let added = try store.ingest(StoreFixtures.input(StoreFixtures.article(11))).0.id
        var rest = ArticleQuery(limit: 4)
        rest.after = first.next
        let remaining = try Self.walk(store, rest).ids
        #expect(remaining == [ids[4], ids[6], ids[7], ids[8], ids[9], added])
    }

    @Test("filter by outlet ID or name")
    func outletFilter() throws {
        let store = try ArticleStore.inMemory()
        let planet = try store.ingest(StoreFixtures.input(StoreFixtures.article(1, outlet: "Daily Planet"))).0.id
        _ = try store.ingest(StoreFixtures.input(StoreFixtures.article(2, outlet: "Daily Bugle")))
        _ = try store.ingest(StoreFixtures.input(StoreFixtures.article(3)))
        for outlet in ["daily-planet", "Daily Planet", "DAILY planet"] {
            #expect(try store.list(ArticleQuery(outlet: outlet)).articles.map(\.id) == [planet])
        }
        #expect(try store.list(ArticleQuery(outlet: "Nobody")).articles.isEmpty)
    }

    @Test("filter by publication date, bounds inclusive; undated articles never match a bound")
    func dateFilter() throws {
        let store = try ArticleStore.inMemory()
        let dates = ["June 13, 2025", "June 14, 2025", "June 15, 2025"]
        let ids = try dates.enumerated().map { index, date in
            try store.ingest(StoreFixtures.input(StoreFixtures.article(index, published: date))).0.id
        }
        _ = try store.ingest(StoreFixtures.input(StoreFixtures.article(99)))
        let from = CalendarDate(iso: "2025-06-14"), to = CalendarDate(iso: "2025-06-15")
        #expect(try store.list(ArticleQuery(publishedFrom: from)).articles.map(\.id) == [ids[1], ids[2]])
        #expect(try store.list(ArticleQuery(publishedTo: from)).articles.map(\.id) == [ids[0], ids[1]])
        #expect(try store.list(ArticleQuery(publishedFrom: from, publishedTo: from)).articles.map(\.id) == [ids[1]])
        #expect(try store.list(ArticleQuery(publishedFrom: from, publishedTo: to)).articles.count == 2)
        #expect(try store.list(ArticleQuery()).articles.count == 4)
    }

    @Test("full-text search over title and body, with stemming, combined with other filters")
    func search() throws {
        let store = try ArticleStore.inMemory()
        let budget = try store.ingest(StoreFixtures.input(StoreFixtures.article(1, outlet: "Daily Planet", topic: "budget"))).0.id
        let housing = try store.ingest(StoreFixtures.input(StoreFixtures.article(2, outlet: "Daily Bugle", topic: "housing"))).0.id
        #expect(try store.list(ArticleQuery(search: "housing")).articles.map(\.id) == [housing])
        // Porter stemming: "votes" in the title and "voted" in the body both match "voting".
        #expect(try store.list(ArticleQuery(search: "voting")).articles.map(\.id) == [budget, housing])
        #expect(try store.list(ArticleQuery(search: "title:budget")).articles.map(\.id) == [budget])
        #expect(try store.list(ArticleQuery(outlet: "Daily Planet", search: "housing")).articles.isEmpty)
        #expect(try store.list(ArticleQuery(search: "\"plan number 2\"")).articles.map(\.id) == [housing])
    }

    @Test("a malformed full-text query is a typed error", arguments: ["\"unterminated", "AND", "nosuchcolumn:word", "(budget"])
    func badSearch(_ search: String) throws {
        let store = try ArticleStore.inMemory()
        _ = try store.ingest(StoreFixtures.input(StoreFixtures.article(1)))
        #expect {
            try store.list(ArticleQuery(search: search))
        } throws: { error in
            guard case StoreError.invalidSearchQuery(let query, let reason) = error else { return false }
            return query == search && !reason.isEmpty
        }
    }

    @Test("a limit outside 1…200 is a typed error", arguments: [0, -1, 201])
    func badLimit(_ limit: Int) throws {
        let store = try ArticleStore.inMemory()
        #expect(throws: StoreError.invalidLimit(limit)) { try store.list(ArticleQuery(limit: limit)) }
    }

    @Test("summaries carry what the full article says about its origin")
    func summaries() throws {
        let store = try ArticleStore.inMemory()
        let (article, _) = try store.ingest(StoreFixtures.input(StoreFixtures.article(1, outlet: "Daily Planet", published: "14 June 2025")))
        let summary = try #require(try store.list(ArticleQuery()).articles.first)
        #expect(summary.id == article.id)
        #expect(summary.sequence == article.sequence)
        #expect(summary.title == article.title)
        #expect(summary.outlet == article.outlet)
        #expect(summary.published == article.published)
        #expect(summary.wordCount == article.wordCount)
        #expect(summary.ingestedAt == article.ingestedAt)
    }
}
