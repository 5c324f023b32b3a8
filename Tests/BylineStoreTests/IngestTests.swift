import BylineAnalysis
import Foundation
import Testing
@testable import BylineStore

@Suite("Ingesting articles")
struct IngestTests {
    @Test("the same text again is the existing article, not a new one")
    func idempotent() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.databasePath)
        let text = StoreFixtures.article(1)
        let (first, created) = try store.ingest(StoreFixtures.input(text))
        let (again, createdAgain) = try store.ingest(StoreFixtures.input(text))
        #expect(created)
        #expect(!createdAgain)
        #expect(again == first)
        #expect(try store.count() == 1)
    }

    @Test("texts equal once normalised (CR LF, NFC, outer white space) are one article")
    func normalisedDuplicates() throws {
        let store = try ArticleStore.inMemory()
        let text = "Café owners protest\n\nThe owners of the café said the new rules would hurt trade badly."
        let (article, _) = try store.ingest(StoreFixtures.input(text))
        let variants = [
            text.replacingOccurrences(of: "\n", with: "\r\n"),
            text.replacingOccurrences(of: "é", with: "e\u{0301}"),
            "\n  " + text + " \n\n",
        ]
        for variant in variants {
            let (found, created) = try store.ingest(StoreFixtures.input(variant))
            #expect(!created)
            #expect(found.id == article.id)
        }
        #expect(try store.count() == 1)
    }

    @Test("IDs depend on the content only: two fresh stores give the same IDs")
    func deterministicIDs() throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        let storeA = try ArticleStore(path: first.databasePath)
        let storeB = try ArticleStore(path: second.databasePath)
        let texts = (1...3).map { StoreFixtures.article($0) }
        let idsA = try texts.map { try storeA.ingest(StoreFixtures.input($0)).0.id }
        let idsB = try texts.reversed().map { try storeB.ingest(StoreFixtures.input($0)).0.id }
        #expect(idsA == idsB.reversed())
        #expect(Set(idsA).count == 3)
        for id in idsA {
            #expect(id.count == ArticleText.identifierLength)
            #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        }
    }

    @Test("the ID is the start of the SHA-256 of the normalised text; sha256 is the raw bytes' digest")
    func digests() throws {
        let store = try ArticleStore.inMemory()
        // FIPS 180-2 test vector: SHA-256("abc").
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        let (article, _) = try store.ingest(StoreFixtures.input("abc"))
        #expect(article.id == String(abc.prefix(20)))
        #expect(ArticleText.identifier(of: " abc\r\n") == article.id)
        #expect(article.sha256 == abc)
        // Outer white space changes the raw digest but not the ID.
        let (same, created) = try store.ingest(StoreFixtures.input("abc\n"))
        #expect(!created)
        #expect(same.sha256 == abc)
    }

    @Test("the raw bytes and the text come back exactly as ingested")
    func rawAndText() throws {
        let store = try ArticleStore.inMemory()
        let text = "Headline here\r\n\r\nThe first paragraph of the story runs here today.\r\n\r\nA second paragraph follows it, as they do.\r\n"
        let (article, _) = try store.ingest(StoreFixtures.input(text))
        let raw = try #require(try store.rawContent(id: article.id))
        #expect(raw.bytes == Array(text.utf8))
        #expect(raw.contentType == "text/plain; charset=utf-8")
        #expect(try store.text(id: article.id) == text)
        #expect(try store.rawContent(id: "missing") == nil)
        #expect(try store.text(id: "missing") == nil)
    }

    @Test("the parsed document is stored: title, outlet, date, body and its span")
    func parsedFields() throws {
        let store = try ArticleStore.inMemory(clock: { Date(timeIntervalSince1970: 1_749_900_000) })
        let text = StoreFixtures.article(7, outlet: "Daily Planet", published: "June 14, 2025")
        let (article, _) = try store.ingest(StoreFixtures.input(text))
        let document = ArticleParser.parse(text: text)
        #expect(article.title == "Council votes on budget plan number 7")
        #expect(article.outlet == Outlet(id: "daily-planet", name: "Daily Planet"))
        #expect(article.published == CalendarDate(iso: "2025-06-14"))
        #expect(article.body == document.body)
        #expect(article.bodySpan == document.bodySpan)
        #expect(article.wordCount == document.wordCount)
        #expect(article.language == "en")
        #expect(article.storyID == "s-" + article.id, "alone, it is its own story")
        #expect(article.url == nil)
        #expect(article.ingestedAt == "2025-06-14T11:20:00Z")
    }

    @Test("hints override what the parser finds")
    func hints() throws {
        let store = try ArticleStore.inMemory()
        let hints = ArticleHints(title: "Given title", outlet: "Le Monde diplomatique",
                                 published: CalendarDate(iso: "2020-01-02"), url: "https://example.org/a")
        let (article, _) = try store.ingest(StoreFixtures.input(StoreFixtures.article(2, outlet: "Daily Planet"), hints: hints))
        #expect(article.title == "Given title")
        #expect(article.outlet == Outlet(id: "le-monde-diplomatique", name: "Le Monde diplomatique"))
        #expect(article.published?.iso == "2020-01-02")
        #expect(article.url == "https://example.org/a")
    }

    @Test("an empty or blank text is refused", arguments: ["", "  \n\t \r\n"])
    func emptyText(_ text: String) throws {
        let store = try ArticleStore.inMemory()
        #expect(throws: StoreError.emptyText) { try store.ingest(StoreFixtures.input(text)) }
        #expect(try store.count() == 0)
    }

    @Test("concurrent ingests of one text create it once")
    func concurrentDuplicates() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.databasePath)
        let text = StoreFixtures.article(9)
        let created = LockedValue(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let (_, isNew) = try? store.ingest(StoreFixtures.input(text)), isNew {
                created.withLock { $0 += 1 }
            }
        }
        #expect(created.withLock { $0 } == 1)
        #expect(try store.count() == 1)
    }
}
