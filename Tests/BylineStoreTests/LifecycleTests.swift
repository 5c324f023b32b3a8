import BylineAnalysis
import Foundation
import GRDB
import Testing
@testable import BylineStore

@Suite("Store lifecycle: durability settings, reopening, deleting")
struct LifecycleTests {
    @Test("a file store runs in WAL mode with synchronous FULL")
    func durability() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.databasePath)
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2")
        #expect(store.isReachable())
    }

    @Test("reopening runs the migrations again without losing data")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        var store: ArticleStore? = try ArticleStore(path: directory.databasePath)
        let (article, _) = try #require(store).ingest(StoreFixtures.input(StoreFixtures.article(1, outlet: "Daily Planet")))
        store = nil
        let reopened = try ArticleStore(path: directory.databasePath)
        #expect(try reopened.article(id: article.id) == article)
        #expect(try reopened.count() == 1)
        let applied = try reopened.writer.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
        #expect(applied == ["v1", "v2-analysis", "v3-stories", "v4-quotes-and-entities", "v5-bounded-lookups",
                           "v6-name-variants", "v7-candidate-postings"])
        // The sequence continues after the reopen.
        let (next, _) = try reopened.ingest(StoreFixtures.input(StoreFixtures.article(2)))
        #expect(next.sequence > article.sequence)
    }

    @Test("a v1 database gains the analysis column; its articles read back with no quotes or entities")
    func migrateV1() throws {
        let directory = try TemporaryDirectory()
        let queue = try directory.database(migratedUpTo: "v1")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO article(id, sha256, raw, content_type, text, language, word_count, body, ingested_at)
                VALUES ('old', 'x', x'41', 'text/plain; charset=utf-8', 'A', 'en', 1, 'A', '2026-01-01T00:00:00Z')
                """)
        }
        try queue.close()
        let store = try ArticleStore(path: directory.databasePath)
        let article = try #require(try store.article(id: "old"))
        #expect(article.quotes.isEmpty && article.entities.isEmpty)
        // Stories came later (v3 signs it, v7 groups it): it is a story of its own.
        #expect(article.storyID == "s-old")
    }

    @Test("the stored analysis round-trips quotes and entities")
    func analysisRoundTrip() throws {
        let analysis = StoredAnalysis(
            quotes: [Quote(text: "We will", span: TextSpan(start: 3, end: 10), speakerText: "the mayor",
                           cue: "said", speaker: "Ann Lee")],
            entities: [Entity(name: "Ann Lee", type: .person, aliases: ["Lee"], roles: ["Mayor"],
                              spans: [TextSpan(start: 20, end: 27)])])
        #expect(try StoredAnalysis.decode(analysis.json()) == analysis)
    }

    @Test("delete removes the article, its search entry and its now-unused outlet")
    func delete() throws {
        let store = try ArticleStore.inMemory()
        let (kept, _) = try store.ingest(StoreFixtures.input(StoreFixtures.article(1, outlet: "Daily Planet", topic: "budget")))
        let (gone, _) = try store.ingest(StoreFixtures.input(StoreFixtures.article(2, outlet: "Daily Bugle", topic: "housing")))
        #expect(try store.delete(id: gone.id))
        #expect(try store.article(id: gone.id) == nil)
        #expect(try !store.delete(id: gone.id))
        #expect(try store.count() == 1)
        #expect(try store.list(ArticleQuery(search: "housing")).articles.isEmpty)
        let outlets = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM outlet ORDER BY id") }
        #expect(outlets == ["daily-planet"])
        #expect(try store.article(id: kept.id) == kept)
    }

    @Test("a deleted article can be ingested again, as a new article with a later sequence")
    func reingestAfterDelete() throws {
        let store = try ArticleStore.inMemory()
        let text = StoreFixtures.article(1)
        let (first, _) = try store.ingest(StoreFixtures.input(text))
        #expect(try store.delete(id: first.id))
        let (again, created) = try store.ingest(StoreFixtures.input(text))
        #expect(created)
        #expect(again.id == first.id)
        #expect(again.sequence > first.sequence)
    }
}
