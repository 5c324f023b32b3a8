import Foundation
import GRDB
import Testing
@testable import BylineStore

@Suite("Storage failures: a full or read-only store")
struct StorageFailureTests {
    /// A store capped just above its empty schema, filled until a write fails.
    private func fillUntilFull(_ path: String) throws -> (ArticleStore, stored: [String], failure: any Error) {
        let empty = try ArticleStore(path: path)
        let emptyPages = try Int(empty.pragma("page_count") ?? "0") ?? 0
        let pageSize = try Int(empty.pragma("page_size") ?? "4096") ?? 4096
        let store = try ArticleStore(path: path, maxDatabaseBytes: (emptyPages + 40) * pageSize)
        var stored: [String] = []
        for number in 1...2000 {
            do {
                let (article, _) = try store.ingest(StoreFixtures.input(
                    StoreFixtures.article(number) + String(repeating: "\nFiller line \(number) for the cap.", count: 40)))
                stored.append(article.id)
            } catch {
                return (store, stored, error)
            }
        }
        Issue.record("2000 articles fitted under a 40-page cap")
        throw CancellationError()
    }

    @Test("past the size cap a write fails as disk-full, and everything stored before stays readable and intact")
    func sizeCapActsAsAFullDisk() throws {
        let directory = try TemporaryDirectory()
        let (store, stored, failure) = try fillUntilFull(directory.databasePath)
        #expect(StorageFailure(failure) == .diskFull, "\(failure)")
        #expect(!stored.isEmpty, "some articles fit before the cap")
        #expect(try store.count() == stored.count, "the failed write left nothing behind")
        for id in stored { #expect(try store.article(id: id) != nil) }
        #expect(try store.pragma("integrity_check") == "ok")
        #expect(store.isReachable())
    }

    @Test("reopened without the cap, the same store takes writes again")
    func capLiftedWritesResume() throws {
        let directory = try TemporaryDirectory()
        let (_, stored, _) = try fillUntilFull(directory.databasePath)
        let reopened = try ArticleStore(path: directory.databasePath)
        let (article, created) = try reopened.ingest(StoreFixtures.input(StoreFixtures.article(9999)))
        #expect(created)
        #expect(try reopened.count() == stored.count + 1)
        #expect(try reopened.article(id: article.id) != nil)
    }

    @Test("SQLite's full, read-only and I/O results are storage failures; other errors are not",
          arguments: [
            (ResultCode.SQLITE_FULL, StorageFailure?.some(.diskFull)),
            (.SQLITE_READONLY, .readOnly),
            (.SQLITE_IOERR, .ioError),
            (.SQLITE_CANTOPEN, .ioError),
            (.SQLITE_CONSTRAINT, nil),
            (.SQLITE_ERROR, nil),
          ])
    func classification(code: ResultCode, expected: StorageFailure?) {
        #expect(StorageFailure(DatabaseError(resultCode: code)) == expected)
    }

    @Test("a read-only database refuses writes as a storage failure and still serves reads")
    func readOnlyDatabase() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.databasePath)
        let (article, _) = try store.ingest(StoreFixtures.input(StoreFixtures.article(1)))
        // A reader connection of the same pool is read-only by construction; writing through
        // one is what a database on a read-only volume answers.
        let failure = #expect(throws: (any Error).self) {
            try store.writer.read { db in try db.execute(sql: "DELETE FROM article") }
        }
        #expect(failure.flatMap(StorageFailure.init) == .readOnly)
        #expect(try store.article(id: article.id) != nil)
        #expect(StorageFailure(StoreError.emptyText) == nil)
    }
}
