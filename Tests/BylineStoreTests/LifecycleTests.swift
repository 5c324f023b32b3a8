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
        #expect(applied == ["v1"])
        // The sequence continues after the reopen.
        let (next, _) = try reopened.ingest(StoreFixtures.input(StoreFixtures.article(2)))
        #expect(next.sequence > article.sequence)
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
