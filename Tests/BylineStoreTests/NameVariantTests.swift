import BylineAnalysis
import Foundation
import GRDB
import Testing
@testable import BylineStore

@Suite("One entity across spellings of its name")
struct NameVariantTests {
    static let span = TextSpan(start: 0, end: 1)

    static func article(place: String, topic: String) -> String {
        """
        Talks on \(topic) resume in \(place)

        Officials met in \(place) on Tuesday to discuss the \(topic), a spokesman said.

        The talks in \(place) on the \(topic) will continue next week, officials said.
        """
    }

    static func person(_ name: String, spans: Int = 1) -> Entity {
        Entity(name: name, type: .person, spans: Array(repeating: span, count: spans))
    }

    static func place(_ name: String, spans: Int = 1) -> Entity {
        Entity(name: name, type: .location, spans: Array(repeating: span, count: spans))
    }

    /// The place entities of a store after ingesting these texts in this order.
    static func places(after texts: [String]) throws -> (ArticleStore, [EntitySummary]) {
        let store = try ArticleStore.inMemory()
        for text in texts { _ = try store.ingest(StoreFixtures.input(text)) }
        return (store, try store.entities(type: .location).entities)
    }

    @Test func kievAndKyivAreOnePlaceWithBothSpellingsAndBothArticles() throws {
        let kiev = Self.article(place: "Kiev", topic: "grain corridor")
        let kyiv = Self.article(place: "Kyiv", topic: "power grid")
        let (store, places) = try Self.places(after: [kiev, kyiv])
        let id = EntityIdentifier.id(name: "Kyiv", type: .location)
        #expect(places.map(\.id) == [id])
        let place = try #require(places.first)
        #expect(place.name == "Kyiv")
        #expect(place.aliases == ["Kiev"])
        #expect(place.articleCount == 2)
        let detail = try #require(try store.entity(id: id))
        #expect(detail.articles.count == 2)
        #expect(try store.entities(prefix: "Kiev").entities.map(\.id) == [id], "the old spelling finds it")
        #expect(try store.entities(prefix: "Kyi").entities.map(\.id) == [id])

        let (_, reversed) = try Self.places(after: [kyiv, kiev])
        #expect(reversed == places, "arrival order does not matter")
    }

    @Test func aPlaceOnlyEverSpelledTheOldWayKeepsThatNameButTheCanonicalID() throws {
        let (store, places) = try Self.places(after: [Self.article(place: "Kiev", topic: "grain corridor")])
        let place = try #require(places.first)
        #expect(place.id == EntityIdentifier.id(name: "Kyiv", type: .location))
        #expect(place.name == "Kiev" && place.aliases.isEmpty)
        #expect(try store.entities(prefix: "Kyiv").entities.map(\.id) == [place.id], "the canonical spelling finds it")
        #expect(try store.entities(type: .person, prefix: "Kyiv").entities.isEmpty)
    }

    @Test func anArticleUsingBothSpellingsStoresOneRow() throws {
        let store = try ArticleStore.inMemory()
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        let ids = try store.writer.write { db in
            try EntityMentions.add(articleSequence: a.sequence, entities: [Self.place("Kiev", spans: 2), Self.place("Kyiv")], db: db)
        }
        #expect(ids["Kiev"] == ids["Kyiv"])
        let place = try #require(try store.entities(type: .location).entities.first)
        #expect(place.name == "Kyiv" && place.aliases == ["Kiev"])
        #expect(place.articleCount == 1 && place.mentionCount == 3)
    }

    @Test func romanisationsOfOnePersonAreOneEntityAndALoneSurnameFindsThem() throws {
        let store = try ArticleStore.inMemory()
        let articles = try (1...4).map { try store.ingest(StoreFixtures.input(StoreFixtures.article($0))).0 }
        let zelensky = EntityIdentifier.id(name: "Volodymyr Zelensky", type: .person)
        try store.writer.write { db in
            for (article, name) in zip(articles, ["Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskiy", "Mari Lee"]) {
                let ids = try EntityMentions.add(articleSequence: article.sequence, entities: [Self.person(name)], db: db)
                if name != "Mari Lee" { #expect(ids[name] == zelensky, "\(name)") }
            }
        }
        let detail = try #require(try store.entity(id: zelensky))
        #expect(detail.summary.name == "Volodymyr Zelenskyy", "the fullest name")
        #expect(detail.summary.aliases == ["Volodymyr Zelensky", "Zelenskiy"])
        #expect(detail.summary.articleCount == 3)
        #expect(try store.entities(prefix: "Zelenskiy").entities.map(\.id) == [zelensky])
    }

    @Test func differentPeopleWithSimilarNamesStayApart() throws {
        let store = try ArticleStore.inMemory()
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        let b = try store.ingest(StoreFixtures.input(StoreFixtures.article(2))).0
        try store.writer.write { db in
            try EntityMentions.add(articleSequence: a.sequence, entities: [Self.person("Mari Lee"), Self.person("Radoslaw Sikorski")], db: db)
            try EntityMentions.add(articleSequence: b.sequence, entities: [Self.person("Mary Lee"), Self.person("Igor Sikorsky")], db: db)
            #expect(try EntityMentions.resolvedID(of: Self.person("Lee"), db: db) == EntityIdentifier.id(name: "Lee", type: .person),
                    "two people named Lee")
            #expect(try EntityMentions.resolvedID(of: Self.person("Sikorski"), db: db)
                    == EntityIdentifier.id(name: "Radoslaw Sikorski", type: .person), "Polish -ski is not folded into -sky")
            #expect(try EntityMentions.resolvedID(of: Self.person("Sikorsky"), db: db)
                    == EntityIdentifier.id(name: "Igor Sikorsky", type: .person))
        }
        #expect(try store.entities(type: .person).entities.count == 4)
    }

    @Test func twoSpellingsOfOneFullNameLeaveALoneSurnameUnambiguous() throws {
        let store = try ArticleStore.inMemory()
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        let b = try store.ingest(StoreFixtures.input(StoreFixtures.article(2))).0
        try store.writer.write { db in
            try EntityMentions.add(articleSequence: a.sequence, entities: [Self.person("Dmitri Peskov")], db: db)
            try EntityMentions.add(articleSequence: b.sequence, entities: [Self.person("Dmitry Peskov")], db: db)
            #expect(try EntityMentions.resolvedID(of: Self.person("Peskov"), db: db)
                    == EntityIdentifier.id(name: "Dmitry Peskov", type: .person))
        }
        #expect(try store.delete(id: a.id) && store.delete(id: b.id))
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person_surname") } == 0)
    }
}

@Suite("Migration v6: older entity IDs move to the shared ones")
struct NameVariantMigrationTests {
    @Test func aV5DatabaseIsRekeyedAndStaysReadable() throws {
        let directory = try TemporaryDirectory()
        let queue = try directory.database(migratedUpTo: "v5-bounded-lookups")
        try queue.write { db in
            for (seq, id) in [(1, "one"), (2, "two")] {
                try db.execute(sql: """
                    INSERT INTO article(seq, id, sha256, raw, content_type, text, language, word_count, body, ingested_at)
                    VALUES (?, ?, 'x', x'41', 'text/plain; charset=utf-8', 'A', 'en', 1, 'A', '2026-01-01T00:00:00Z')
                    """, arguments: [seq, id])
            }
            // IDs as v5 derived them: the slug of type and name as written.
            let rows: [(String, Int, String, String, Int, String, String?)] = [
                ("location-kiev", 1, "Kiev", "location", 2, "[]", nil),
                ("location-kyiv", 1, "Kyiv", "location", 1, "[]", nil),
                ("location-kiev", 2, "Kiev", "location", 2, "[]", nil),
                ("person-dmitri-peskov", 1, "Dmitri Peskov", "person", 1, #"["Peskov"]"#, "Peskov"),
                ("person-dmitri-peskov", 2, "Peskov", "person", 1, "[]", nil),
                ("person-ann-lee", 2, "Ann Lee", "person", 1, "[]", "Lee"),
            ]
            for row in rows {
                try db.execute(sql: """
                    INSERT INTO entity_mention(entity_id, article_seq, name, type, mentions, aliases, roles, surname)
                    VALUES (?, ?, ?, ?, ?, ?, '[]', ?)
                    """, arguments: [row.0, row.1, row.2, row.3, row.4, row.5, row.6])
            }
            try db.execute(sql: """
                INSERT INTO quote(id, article_seq, idx, speaker, speaker_id, span_start, span_end, text, group_id)
                VALUES ('two-q1', 2, 0, 'Peskov', 'person-dmitri-peskov', 0, 1, 'No comment', 'g-two-q1')
                """)
        }
        try queue.close()

        let store = try ArticleStore(path: directory.databasePath)
        let kyiv = try #require(try store.entity(id: "location-kyiv"))
        #expect(kyiv.summary.name == "Kyiv" && kyiv.summary.aliases == ["Kiev"])
        #expect(kyiv.summary.articleCount == 2 && kyiv.summary.mentionCount == 5)
        #expect(try store.entity(id: "location-kiev") == nil)
        let peskov = try #require(try store.entity(id: "person-dmitry-peskov"))
        #expect(peskov.summary.name == "Dmitri Peskov" && peskov.summary.articleCount == 2)
        #expect(peskov.summary.quoteCount == 1, "the quote follows its speaker")
        #expect(try store.entity(id: "person-dmitri-peskov") == nil)
        #expect(try store.entity(id: "person-ann-lee")?.summary.articleCount == 1)
        let surnames = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT surname, entity_id, rows FROM person_surname ORDER BY surname")
                .map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int)" }
        }
        #expect(surnames == ["Lee person-ann-lee 1", "Peskov person-dmitry-peskov 1"])
        #expect(try store.writer.read { db in
            try EntityMentions.resolvedID(of: Entity(name: "Peskov", type: .person), db: db)
        } == "person-dmitry-peskov")
    }
}
