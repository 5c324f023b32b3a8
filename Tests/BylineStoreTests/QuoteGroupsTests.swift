import BylineAnalysis
import GRDB
import Testing
@testable import BylineStore

/// Quote groups across articles, linked and relabelled in the store.
@Suite("Quote groups")
struct QuoteGroupsTests {
    func quote(_ text: String, _ speaker: String?) -> Quote {
        Quote(text: text, span: TextSpan(start: 0, end: 1), speaker: speaker)
    }

    @Test func renderingsOfOneUtteranceShareAGroupUntilOneIsDeleted() throws {
        let store = try ArticleStore.inMemory()
        let lock = LockedValue<[[String]]>([])
        store.observeChanges { ids in lock.withLock { $0.append(ids) } }
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        let b = try store.ingest(StoreFixtures.input(StoreFixtures.article(2))).0
        let c = try store.ingest(StoreFixtures.input(StoreFixtures.article(3))).0
        let changedByB = try store.writer.write { db -> Set<Int64> in
            _ = try QuoteGroups.add(articleSequence: a.sequence, articleID: a.id,
                                    quotes: [quote("He feels, as do I, this war should end", "Ann Lee"),
                                             quote("officials were surprised", nil)], db: db)
            return try QuoteGroups.add(articleSequence: b.sequence, articleID: b.id,
                                       quotes: [quote("He feels, as I do, this war should end.", "ann lee")], db: db)
        }
        let changedByC = try store.writer.write { db in
            try QuoteGroups.add(articleSequence: c.sequence, articleID: c.id,
                                quotes: [quote("this war should end", "Ann Lee"), quote("Something else entirely", "Ann Lee")], db: db)
        }
        let groupsA = try store.writer.read { try QuoteGroups.groups(ofArticle: a.sequence, db: $0) }
        let groupsB = try store.writer.read { try QuoteGroups.groups(ofArticle: b.sequence, db: $0) }
        let groupsC = try store.writer.read { try QuoteGroups.groups(ofArticle: c.sequence, db: $0) }
        #expect(groupsA[0] == groupsB[0] && groupsB[0] == groupsC[0], "identical, reworded and partial renderings")
        #expect(groupsA[1] != groupsA[0], "no speaker, no group")
        #expect(groupsC[1] != groupsC[0])
        let smallest = [a.id, b.id, c.id].map { QuoteGroups.quoteID(articleID: $0, index: 0) }.min()!
        #expect(groupsA[0] == QuoteGroups.groupID(forSmallestQuoteID: smallest))
        #expect(changedByB.isEmpty || changedByB == [a.sequence])
        #expect(!changedByC.contains(c.sequence))

        // Deleting the article holding the smallest quote renames the rest of the group and
        // reports the articles it renamed.
        let holder = [a, b, c].first { QuoteGroups.quoteID(articleID: $0.id, index: 0) == smallest }!
        #expect(try store.delete(id: holder.id))
        let remaining = try [a, b, c].filter { $0.id != holder.id }.map { article in
            try store.writer.read { try QuoteGroups.groups(ofArticle: article.sequence, db: $0)[0] }
        }
        #expect(Set(remaining).count == 1)
        #expect(remaining[0] != groupsA[0])
        let observed = lock.withLock { $0 }
        #expect(observed.last?.contains(holder.id) == true)
    }

    @Test func anUnattributedCopyJoinsTheGroupOfTheQuoteItRepeatsInItsArticle() throws {
        let store = try ArticleStore.inMemory()
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        let b = try store.ingest(StoreFixtures.input(StoreFixtures.article(2))).0
        try store.writer.write { db in
            _ = try QuoteGroups.add(articleSequence: a.sequence, articleID: a.id,
                                    quotes: [quote("very alarming", "Ann Lee")], db: db)
            // In b: the attributed quote, a copy given to unnamed aides, a copy said by two
            // speakers' words elsewhere, and an unrelated unattributed quote.
            _ = try QuoteGroups.add(articleSequence: b.sequence, articleID: b.id,
                                    quotes: [quote("Very alarming,", "Ann Lee"), quote("very alarming", nil),
                                             quote("a fair deal", "Ann Lee"), quote("A fair deal", "Tom Barker"),
                                             quote("a fair deal", nil), quote("not alarming at all", nil)], db: db)
        }
        let groupsA = try store.writer.read { try QuoteGroups.groups(ofArticle: a.sequence, db: $0) }
        let groupsB = try store.writer.read { try QuoteGroups.groups(ofArticle: b.sequence, db: $0) }
        #expect(groupsB[1] == groupsB[0] && groupsB[0] == groupsA[0], "the copy joins the speaker's group across articles")
        #expect(groupsB[4] != groupsB[2] && groupsB[4] != groupsB[3], "copies of two speakers decide nothing")
        #expect(groupsB[5] != groupsB[0])
        // The copy stays with its article's quote when the other article goes.
        #expect(try store.delete(id: a.id))
        let after = try store.writer.read { try QuoteGroups.groups(ofArticle: b.sequence, db: $0) }
        #expect(after[1] == after[0])
    }
}
