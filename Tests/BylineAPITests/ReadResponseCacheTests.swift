import BylineAPI
import Foundation
import Testing

/// Cached list, story, search and quote responses never outlive a write.
struct ReadResponseCacheTests {
    static func seeds() throws -> [String] {
        let directory = StoryCacheTests.seeds
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
            try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
        }
    }

    @Test func storySearchAndQuotesReflectEveryWrite() throws {
        let harness = try APIHarness()
        let seeds = try Self.seeds()
        let first = try APIHarness.json(try harness.postText(seeds[0]))
        let story = try #require(first["story_id"] as? String)
        func articleCount(_ story: String) throws -> Int? {
            try APIHarness.json(try harness.send(.get, "/v1/stories/\(story)"))["article_count"] as? Int
        }
        func hits(_ query: String) throws -> Int {
            (try APIHarness.json(try harness.send(.get, "/v1/search?q=\(query)"))["data"] as? [Any])?.count ?? -1
        }
        #expect(try articleCount(story) == 1)
        #expect(try articleCount(story) == 1, "twice: the second from the cache")
        func listed() throws -> Int {
            (try APIHarness.json(try harness.send(.get, "/v1/articles?limit=50"))["data"] as? [Any])?.count ?? -1
        }
        #expect(try listed() == 1)
        let before = try hits("Ushakov")
        let quotesBefore = (try APIHarness.json(try harness.send(.get, "/v1/quotes"))["data"] as? [Any])?.count ?? -1

        let second = try APIHarness.json(try harness.postText(seeds[1]))
        let merged = try #require(second["story_id"] as? String)
        #expect(try articleCount(merged) == 2, "the story as it is after the arrival")
        #expect(try hits("Ushakov") > before)
        #expect(try listed() == 2)
        #expect(((try APIHarness.json(try harness.send(.get, "/v1/quotes"))["data"] as? [Any])?.count ?? -1) > quotesBefore)

        let secondID = try #require(second["id"] as? String)
        _ = try harness.send(.delete, "/v1/articles/\(secondID)")
        #expect(try articleCount(story) == 1, "and after the delete")
        #expect(try hits("Ushakov") == before)
        #expect(try listed() == 1)
    }
}
