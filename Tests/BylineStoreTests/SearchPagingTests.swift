import Testing
@testable import BylineStore

/// Search ranks every match but snippets only the returned page: pages must still add up
/// to the one full ranking, each hit with its own highlighted snippet.
@Suite("Search pages")
struct SearchPagingTests {
    @Test func pagesOfOneAddUpToTheFullRanking() throws {
        let store = try ArticleStore.inMemory()
        for number in 1...6 {
            _ = try store.ingest(StoreFixtures.input(StoreFixtures.article(number, topic: number % 2 == 0 ? "budget" : "harbour")))
        }
        let whole = try store.search("budget", limit: 200)
        #expect(whole.hits.count >= 3)
        #expect(whole.next == nil)
        var paged: [SearchHit] = []
        var cursor: ArticleCursor?
        repeat {
            let page = try store.search("budget", limit: 1, after: cursor)
            paged += page.hits
            cursor = page.next
        } while cursor != nil
        #expect(paged == whole.hits)
        #expect(whole.hits.allSatisfy { $0.snippet.contains("<mark>") })
        #expect(whole.hits.map(\.score) == whole.hits.map(\.score).sorted(by: >))
    }
}
