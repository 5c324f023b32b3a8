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
