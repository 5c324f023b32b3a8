import BylineAPI
import BylineStore
import Foundation
import Testing

/// `byline analyze` prints `ArticleRendering.json`; it must be what `GET /v1/articles/{id}`
/// serves, byte for byte.
struct ArticleRenderingTests {
    @Test func renderingIsWhatGETServes() throws {
        let harness = try APIHarness()
        let text = "Bridge to reopen\n\nThe mayor said on Monday that “the bridge will reopen soon,” officials confirmed.\n"
        let created = try harness.postText(text)
        let served = try #require(try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any])
        let id = try #require(served["id"] as? String)
        let got = try harness.send(.get, "/v1/articles/\(id)")
        let rendered = try ArticleRendering.json(try #require(try harness.store.article(id: id)))
        #expect(rendered == got.body)
        #expect(String(decoding: rendered, as: UTF8.self).hasPrefix("{\"id\":\"\(id)\",\"title\":"), "members in API.md's order")
    }
}
