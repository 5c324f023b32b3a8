import BylineAPI
import BylineStore
import Foundation
import Testing

/// `byline analyze` promises the JSON `GET /v1/articles/{id}` serves; this holds it to that.
struct ArticleRenderingTests {
    @Test func previewRendersWhatGETServes() throws {
        let harness = try APIHarness()
        let text = "Bridge to reopen\n\nThe mayor said on Monday that “the bridge will reopen soon,” officials confirmed.\n"
        let created = try harness.postText(text)
        let served = try #require(try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any])
        let id = try #require(served["id"] as? String)
        let got = try harness.send(.get, "/v1/articles/\(id)")
        let preview = try ArticleRendering.json(ArticleStore.preview(ArticleInput(rawText: text, contentType: "text/plain")))
        var a = try #require(try JSONSerialization.jsonObject(with: Data(got.body)) as? [String: Any])
        var b = try #require(try JSONSerialization.jsonObject(with: Data(preview)) as? [String: Any])
        a["ingested_at"] = nil
        b["ingested_at"] = nil
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
        let keys = String(decoding: preview, as: UTF8.self)
        #expect(keys.hasPrefix("{\"id\":\"\(id)\",\"title\":"), "members in API.md's order")
    }
}
