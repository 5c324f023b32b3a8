import BylineAPI
import BylineHTTP
import BylineStore
import Foundation
import Testing

@Suite("GET /v1/entities across spellings of a name")
struct EntityRouteTests {
    static func article(place: String, topic: String) -> String {
        """
        Talks on \(topic) resume in \(place)

        Officials met in \(place) on Tuesday to discuss the \(topic), a spokesman said.
        """
    }

    @Test("Kiev and Kyiv: one entity, found by either spelling, linked from both articles")
    func oneEntityForBothSpellings() throws {
        let api = try APIHarness()
        let kiev = try APIHarness.json(try api.postText(Self.article(place: "Kiev", topic: "grain corridor")))
        _ = try api.postText(Self.article(place: "Kyiv", topic: "power grid"))

        let found = try #require(try APIHarness.json(try api.send(.get, "/v1/entities?q=Kiev"))["data"] as? [[String: Any]])
        #expect(found.count == 1)
        let place = try #require(found.first)
        #expect(place["id"] as? String == "location-kyiv")
        #expect(place["name"] as? String == "Kyiv")
        #expect(place["aliases"] as? [String] == ["Kiev"])
        #expect(place["article_count"] as? Int == 2)

        let detail = try APIHarness.json(try api.send(.get, "/v1/entities/location-kyiv"))
        #expect((detail["articles"] as? [[String: Any]])?.count == 2)
        // The article still says "Kiev"; its entity links to the shared resource.
        let entities = try #require(kiev["entities"] as? [[String: Any]])
        let named = try #require(entities.first { $0["name"] as? String == "Kiev" })
        #expect(named["id"] as? String == "location-kyiv")
    }
}
