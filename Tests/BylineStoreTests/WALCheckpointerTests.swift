import Foundation
import GRDB
import Testing
@testable import BylineStore

/// The write-ahead log is copied back into the database file off the writer's path, after
/// each commit, well before the writer's own (backstop) automatic checkpoint would.
@Suite("WAL checkpoints off the writer")
struct WALCheckpointerTests {
    /// Bytes of the main database file on disk, and the database's size as SQLite sees it
    /// (with the log's pages): equal once every committed page is in the file.
    static func sizes(_ store: ArticleStore, path: String) throws -> (file: Int, logical: Int) {
        let logical = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()") ?? 0
        }
        let file = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        return (file, logical)
    }

    @Test("after ingests, the database file holds every committed page, though the backstop threshold is far off")
    func ingestsAreCheckpointed() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.databasePath)
        let checkpointer = try #require(store.checkpointer)
        for number in 1...30 {
            _ = try store.ingest(StoreFixtures.input(StoreFixtures.article(number, topic: "topic \(number)")))
        }
        checkpointer.waitUntilIdle()
        let (file, logical) = try Self.sizes(store, path: directory.databasePath)
        #expect(logical > 100 * 1024, "30 articles with their indexes span many pages")
        #expect(logical / 4096 < WALCheckpointer.backstopPages, "the writer's own checkpoint never ran")
        #expect(file == logical)
        #expect(try store.pragma("wal_autocheckpoint") == "\(WALCheckpointer.backstopPages)")
    }
}
