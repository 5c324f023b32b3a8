import BylineAnalysis
import Foundation
import Testing
@testable import BylineStore

/// Ingests through the group commit: batches, and concurrent single ingests, must store what
/// one-by-one ingests store.
@Suite("Batch and concurrent ingest")
struct BatchIngestTests {
    static func corpus() throws -> [String] {
        try StoryGroupingTests.texts(StoryGroupingTests.repository.appendingPathComponent("seeds")).map(\.text)
            + (try StoryGroupingTests.texts(StoryGroupingTests.shared.appendingPathComponent("eval/articles")).map(\.text))
    }

    /// Every article's story and quote groups, by article ID.
    static func grouping(_ store: ArticleStore, ids: [String]) throws -> [String: [String]] {
        try Dictionary(uniqueKeysWithValues: ids.map { id in
            let article = try #require(try store.article(id: id))
            return (id, [article.storyID ?? "-"] + article.quoteGroupIDs)
        })
    }

    @Test("a batch gives one result per input, in order; a bad input fails alone; a repeat is the same article")
    func batchResults() throws {
        let store = try ArticleStore.inMemory()
        let texts = [StoreFixtures.article(1), "  ", StoreFixtures.article(2), StoreFixtures.article(1)]
        let results = store.ingest(batch: texts.map { StoreFixtures.input($0) })
        #expect(results.count == 4)
        let first = try results[0].get(), third = try results[2].get(), fourth = try results[3].get()
        #expect(first.created && third.created)
        #expect(!fourth.created && fourth.0 == first.0, "the repeat within the batch is the first one")
        #expect(throws: StoreError.emptyText) { try results[1].get() }
        #expect(try store.count() == 2)
        #expect(try store.article(id: third.0.id) == third.0)
    }

    @Test("a batch stores the same stories and quote groups as one-by-one ingests")
    func batchMatchesSequential() throws {
        let texts = try Self.corpus()
        let sequential = try ArticleStore.inMemory()
        let ids = try texts.map { try sequential.ingest(StoreFixtures.input($0)).0.id }
        let batched = try ArticleStore.inMemory()
        let results = batched.ingest(batch: texts.reversed().map { StoreFixtures.input($0) })
        #expect(try results.map { try $0.get().0.id } == ids.reversed())
        #expect(try Self.grouping(batched, ids: ids) == Self.grouping(sequential, ids: ids))
        // What each result reports is the article as committed, after the whole batch.
        for result in results {
            let article = try result.get().0
            #expect(try batched.article(id: article.id) == article)
        }
    }

    @Test("concurrent ingests into a file store give the same stories and quote groups as one-by-one ingests")
    func concurrentMatchesSequential() throws {
        let texts = try Self.corpus()
        let sequential = try ArticleStore.inMemory()
        let ids = try texts.map { try sequential.ingest(StoreFixtures.input($0)).0.id }
        let directory = try TemporaryDirectory()
        let concurrent = try ArticleStore(path: directory.databasePath)
        let failures = LockedValue(0)
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            if (try? concurrent.ingest(StoreFixtures.input(texts[index]))) == nil { failures.withLock { $0 += 1 } }
        }
        #expect(failures.withLock { $0 } == 0)
        #expect(try concurrent.count() == texts.count)
        #expect(try Self.grouping(concurrent, ids: ids) == Self.grouping(sequential, ids: ids))
    }

    @Test("observers hear of the other articles a batch moved to another story")
    func batchReportsChangedArticles() throws {
        let seeds = try StoryGroupingTests.texts(StoryGroupingTests.repository.appendingPathComponent("seeds")).map(\.text)
        let store = try ArticleStore.inMemory()
        let earlier = try seeds.dropFirst(2).map { try store.ingest(StoreFixtures.input($0)).0 }
        let reported = LockedValue<Set<String>>([])
        store.observeChanges { ids in reported.withLock { $0.formUnion(ids) } }
        let results = store.ingest(batch: seeds.prefix(2).map { StoreFixtures.input($0) })
        let story = try #require(try results[0].get().0.storyID)
        for article in earlier where article.storyID != story {
            #expect(reported.withLock { $0.contains(article.id) }, "\(article.id) moved from \(article.storyID ?? "-") to \(story)")
        }
        #expect(try earlier.allSatisfy { try store.article(id: $0.id)?.storyID == story })
    }
}

/// What an ingest returns is put together from the written row (not read back and
/// decoded): it must equal what a later read of the article gives.
@Suite("Ingest results")
struct IngestResultTests {
    @Test("the returned article equals the stored one, outlet spelling, story and quote groups included")
    func returnedEqualsStored() throws {
        let store = try ArticleStore.inMemory()
        let first = try store.ingest(StoreFixtures.input(StoreFixtures.article(1),
                                                         hints: ArticleHints(outlet: "Daily Planet", url: "https://example.com/1"))).0
        #expect(try store.article(id: first.id) == first)
        // Same outlet slug, another spelling: the stored (first) spelling is the one served.
        let second = try store.ingest(StoreFixtures.input(StoreFixtures.article(2),
                                                          hints: ArticleHints(title: "A given title", outlet: "DAILY planet",
                                                                              published: CalendarDate(iso: "2025-06-24")))).0
        #expect(second.outlet == Outlet(id: "daily-planet", name: "Daily Planet"))
        #expect(try store.article(id: second.id) == second)
        for text in try BatchIngestTests.corpus().prefix(8) {
            let article = try store.ingest(StoreFixtures.input(text)).0
            #expect(try store.article(id: article.id) == article)
        }
    }
}
