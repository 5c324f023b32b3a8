import BylineAnalysis
import Foundation
import Testing
@testable import BylineStore

/// Stories on real articles: the five seeds report one event; the sixteen development
/// articles form the fourteen stories of their gold annotation; order does not matter.
@Suite("Story grouping")
struct StoryGroupingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

    static func texts(_ directory: URL) throws -> [(file: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
            ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// file → gold story, from a gold file of ../shared/eval.
    static func goldStories(_ name: String) throws -> [String: String] {
        let data = try Data(contentsOf: shared.appendingPathComponent("eval/\(name)"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let articles = try #require(object["articles"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: articles.map { ($0["file"] as! String, $0["story"] as! String) })
    }

    /// file → story ID after ingesting `texts` in this order.
    static func stories(_ texts: [(file: String, text: String)]) throws -> [String: String] {
        let store = try ArticleStore.inMemory()
        var ids: [String: String] = [:]
        for (file, text) in texts {
            ids[file] = try store.ingest(ArticleInput(rawText: text, contentType: "text/plain")).0.id
        }
        return try ids.mapValues { try #require(try store.article(id: $0)?.storyID) }
    }

    /// Same partition: two files share a story here exactly when they do in the gold.
    static func samePartition(_ a: [String: String], _ b: [String: String]) -> Bool {
        let files = a.keys.sorted()
        for (i, x) in files.enumerated() {
            for y in files[(i + 1)...] where (a[x] == a[y]) != (b[x] == b[y]) { return false }
        }
        return true
    }

    @Test func theSeedsAreOneStory() throws {
        let stories = try Self.stories(try Self.texts(Self.repository.appendingPathComponent("seeds")))
        #expect(stories.count == 5)
        #expect(Set(stories.values).count == 1)
    }

    @Test func developmentArticlesMatchTheGoldStories() throws {
        let texts = try Self.texts(Self.shared.appendingPathComponent("eval/articles"))
        let stories = try Self.stories(texts)
        #expect(Self.samePartition(stories, try Self.goldStories("articles-gold.json")))
    }

    @Test func orderDoesNotChangeStoriesOrTheirIDs() throws {
        let texts = try Self.texts(Self.repository.appendingPathComponent("seeds"))
            + (try Self.texts(Self.shared.appendingPathComponent("eval/articles")))
        let forward = try Self.stories(texts)
        let backward = try Self.stories(texts.reversed())
        let shuffled = try Self.stories(texts.enumerated().sorted { ($0.offset * 7) % 21 < ($1.offset * 7) % 21 }.map(\.element))
        #expect(forward == backward)
        #expect(forward == shuffled)
    }

    @Test func deletingTheBridgeSplitsTheStory() throws {
        let store = try ArticleStore.inMemory()
        let ids = try Self.texts(Self.repository.appendingPathComponent("seeds")).map {
            try store.ingest(ArticleInput(rawText: $0.text, contentType: "text/plain")).0.id
        }
        let before = try #require(try store.article(id: ids[1])?.storyID)
        let smallest = try #require(ids.min())
        #expect(before == StoryGrouping.storyID(forSmallestArticleID: smallest))
        #expect(try store.delete(id: smallest))
        let after = try ids.filter { $0 != smallest }.map { try #require(try store.article(id: $0)?.storyID) }
        #expect(Set(after).count == 1, "the other four still report one event")
        #expect(!after.contains(before), "the story is named by its new smallest article")
    }

    /// The story label is kept twice (the article's row for reads, the signature's row for
    /// linking): after arrivals in any order, merges and deletes, the two agree everywhere.
    @Test func bothCopiesOfTheStoryLabelAgree() throws {
        let store = try ArticleStore.inMemory()
        let texts = try Self.texts(Self.repository.appendingPathComponent("seeds"))
            + (try Self.texts(Self.shared.appendingPathComponent("eval/articles")))
        var ids: [String] = []
        for (_, text) in texts.reversed() {
            ids.append(try store.ingest(ArticleInput(rawText: text, contentType: "text/plain")).0.id)
        }
        for id in ids.sorted().prefix(3) { #expect(try store.delete(id: id)) }
        let disagreeing = try store.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM article a JOIN article_signature s ON s.seq = a.seq
                WHERE a.story_id IS NOT s.story_id OR a.story_id IS NULL
                """)
        }
        #expect(disagreeing == 0)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_signature") } == ids.count - 3)
    }
}
