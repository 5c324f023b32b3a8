import BylineAPI
import Foundation
import Testing

/// The rendered-article cache never serves a story that has since changed.
struct StoryCacheTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    func storyID(_ harness: APIHarness, _ id: String) throws -> String? {
        let body = try harness.send(.get, "/v1/articles/\(id)").body
        return (try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])?["story_id"] as? String
    }

    @Test func mergingAndSplittingStoriesRefreshesCachedArticles() throws {
        let harness = try APIHarness()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).sorted()
        var ids: [String] = []
        for file in files.prefix(3) {
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(file), encoding: .utf8)
            let body = try harness.postText(text).body
            ids.append(try #require((try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])?["id"] as? String))
            for id in ids { _ = try storyID(harness, id) }  // warm the cache after every arrival
        }
        let stories = try ids.map { try storyID(harness, $0) }
        #expect(Set(stories).count == 1, "one event, one story, as served")
        let smallest = try #require(ids.min())
        _ = try harness.send(.delete, "/v1/articles/\(smallest)")
        let rest = try ids.filter { $0 != smallest }.map { try storyID(harness, $0) }
        #expect(Set(rest).count == 1)
        #expect(rest.first != stories.first, "renamed after its smallest article left")
    }
}
