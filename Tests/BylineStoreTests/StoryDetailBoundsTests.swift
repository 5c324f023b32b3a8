import BylineAnalysis
import Foundation
import Testing
@testable import BylineStore

/// Story detail on a story larger than its bounds (`StoryRows`): exact counts, dates and
/// outlets; a capped article list; title, entities and quotes that do not depend on arrival
/// order.
@Suite("Story detail bounds")
struct StoryDetailBoundsTests {
    static let size = StoryRows.maximumArticles + 20
    static let outlets = ["Daily Planet", "Morning Ledger", "Evening Post"]

    /// One event reported `size` times: the same wording, a running number, three outlets and
    /// publication days spread over a month.
    static func inputs() -> [ArticleInput] {
        (0..<size).map { n in
            let text = """
                Harbour bridge closes after storm damage, report \(n)

                Engineers closed the harbour bridge in Springfield after the storm damaged its cables, \
                the mayor Ann Marie Lee said. "The harbour bridge stays closed until every cable is checked," \
                Lee said. Ferries will carry commuters across the harbour while the bridge is repaired.
                """
            let day = CalendarDate(iso: String(format: "2025-03-%02d", 1 + n % 28))
            return ArticleInput(rawText: text, contentType: "text/plain",
                                hints: ArticleHints(outlet: outlets[n % outlets.count], published: day))
        }
    }

    static func story(_ inputs: [ArticleInput]) throws -> (ArticleStore, StoryDetail) {
        let store = try ArticleStore.inMemory()
        let results = store.ingest(batch: inputs)
        let storyID = try #require(try results[0].get().0.storyID)
        return (store, try #require(try store.story(id: storyID)))
    }

    @Test func aLargeStoryIsCappedButItsFactsAreExact() throws {
        let inputs = Self.inputs()
        let (store, detail) = try Self.story(inputs)
        #expect(detail.summary.articleCount == Self.size, "one story of every report")
        #expect(detail.articles.count == StoryRows.maximumArticles)
        #expect(detail.articles.map(\.sequence) == detail.articles.map(\.sequence).sorted(), "first ones, in ingestion order")
        #expect(detail.summary.outlets == Self.outlets.sorted())
        #expect(detail.summary.firstPublished?.iso == "2025-03-01")
        #expect(detail.summary.lastPublished?.iso == "2025-03-28")
        #expect(detail.entities.count <= StoryRows.maximumEntities)
        #expect(detail.quotes.count <= StoryRows.maximumQuotes)
        #expect(detail.summary.title?.hasPrefix("Harbour bridge closes after storm damage") == true)
        var query = ArticleQuery()
        query.story = detail.summary.id
        query.limit = 200
        #expect(try store.list(query).articles.count == Self.size, "the full list is the articles route's")
    }

    @Test func titleEntitiesAndQuotesDoNotDependOnArrivalOrder() throws {
        let inputs = Self.inputs()
        let (_, forward) = try Self.story(inputs)
        let (_, backward) = try Self.story(inputs.reversed())
        #expect(forward.summary.id == backward.summary.id)
        #expect(forward.summary.title == backward.summary.title)
        #expect(forward.entities == backward.entities)
        #expect(forward.quotes.map(\.groupID) == backward.quotes.map(\.groupID))
        #expect(forward.quotes.map { Set($0.articleIDs) } == backward.quotes.map { Set($0.articleIDs) })
        #expect(forward.quotes.map(\.outlets) == backward.quotes.map(\.outlets))
    }
}
