import BylineAnalysis
import GRDB
import Testing
@testable import BylineStore

@Suite("Entities across articles")
struct EntityMentionsTests {
    @Test func aSurnameAloneJoinsTheOnePersonOfThatName() throws {
        let store = try ArticleStore.inMemory()
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        let b = try store.ingest(StoreFixtures.input(StoreFixtures.article(2))).0
        let span = TextSpan(start: 0, end: 1)
        try store.writer.write { db in
            try EntityMentions.add(articleSequence: a.sequence, entities: [
                Entity(name: "Ann Marie Lee", type: .person, aliases: ["Lee"], roles: ["city aide"], spans: [span, span]),
                Entity(name: "Springfield", type: .location, spans: [span]),
            ], db: db)
            let ids = try EntityMentions.add(articleSequence: b.sequence, entities: [
                Entity(name: "Lee", type: .person, roles: ["spokeswoman"], spans: [span]),
            ], db: db)
            #expect(ids["Lee"] == EntityIdentifier.id(name: "Ann Marie Lee", type: .person))
        }
        let people = try store.entities(type: .person)
        #expect(people.entities.count == 1)
        let lee = try #require(people.entities.first)
        #expect(lee.name == "Ann Marie Lee")
        #expect(lee.articleCount == 2 && lee.mentionCount == 3)
        #expect(lee.aliases.contains("Lee"))
        #expect(lee.roles == ["city aide", "spokeswoman"])
        #expect(try store.entities(prefix: "Spring").entities.map(\.name) == ["Springfield"])
        #expect(try store.entities(prefix: "Le").entities.map(\.name) == ["Ann Marie Lee"], "alias prefix")
        var query = ArticleQuery()
        query.entity = lee.id
        let filtered = try store.list(query)
        #expect(filtered.articles.map(\.id) == [a.id, b.id])
        let detail = try #require(try store.entity(id: lee.id))
        #expect(detail.mentionedWith.map(\.name) == ["Springfield"])
    }
}

@Suite("Surname resolution through person_surname")
struct SurnameResolutionTests {
    static let span = TextSpan(start: 0, end: 1)

    static func person(_ name: String) -> Entity {
        Entity(name: name, type: .person, spans: [span])
    }

    static func resolveLee(_ store: ArticleStore) throws -> String {
        try store.writer.read { db in try EntityMentions.resolvedID(of: person("Lee"), db: db) }
    }

    @Test func aSurnameStopsResolvingWhenItsFullNameIsDeletedOrAmbiguous() throws {
        let store = try ArticleStore.inMemory()
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        let b = try store.ingest(StoreFixtures.input(StoreFixtures.article(2))).0
        let c = try store.ingest(StoreFixtures.input(StoreFixtures.article(3))).0
        let lee = EntityIdentifier.id(name: "Ann Lee", type: .person)
        let alone = EntityIdentifier.id(name: "Lee", type: .person)
        try store.writer.write { db in
            try EntityMentions.add(articleSequence: a.sequence, entities: [Self.person("Ann Lee")], db: db)
            try EntityMentions.add(articleSequence: b.sequence, entities: [Self.person("Ann Lee")], db: db)
            #expect(try EntityMentions.resolvedID(of: Self.person("Lee"), db: db) == lee)
            try EntityMentions.add(articleSequence: c.sequence, entities: [Self.person("Bo Lee")], db: db)
            #expect(try EntityMentions.resolvedID(of: Self.person("Lee"), db: db) == alone, "two people named Lee")
        }
        #expect(try store.delete(id: c.id))
        #expect(try Self.resolveLee(store) == lee, "Bo Lee is gone")
        #expect(try store.delete(id: a.id))
        #expect(try Self.resolveLee(store) == lee, "b still names Ann Lee")
        #expect(try store.delete(id: b.id))
        #expect(try Self.resolveLee(store) == alone, "no Lee is left")
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person_surname") } == 0)
    }

    @Test func theScanAndTheNamesTableAgree() throws {
        let store = try ArticleStore.inMemory()
        let a = try store.ingest(StoreFixtures.input(StoreFixtures.article(1))).0
        try store.writer.write { db in
            try EntityMentions.add(articleSequence: a.sequence, entities: [
                Self.person("Ann Marie Lee"), Self.person("Sam Ortiz"), Self.person("Ortiz Lee"),
                Entity(name: "Lee County", type: .location, spans: [Self.span]),
            ], db: db)
            for name in ["Lee", "Ortiz", "Marie", "County", "Sam"] {
                #expect(try EntityMentions.resolvedID(of: Self.person(name), db: db)
                        == EntityMentions.resolvedIDByScan(of: Self.person(name), db: db), "\(name)")
            }
        }
    }
}
