import BylineAnalysis
import Foundation
import GRDB

extension ArticleStore {
    /// Stories in the order their first article arrived.
    public func stories(limit: Int = ArticleQuery.defaultLimit, after: ArticleCursor? = nil) throws -> StoryPage {
        guard ArticleQuery.limits.contains(limit) else { throw StoreError.invalidLimit(limit) }
        return try writer.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT story_id, MIN(seq) AS first FROM article
                WHERE story_id IS NOT NULL
                GROUP BY story_id HAVING first > ?
                ORDER BY first LIMIT ?
                """), arguments: [after?.afterSequence ?? 0, limit + 1])
            let page = try rows.prefix(limit).map { row -> StorySummary in
                try StoryRows.summary(db, storyID: row[0])!
            }
            let next = rows.count > limit ? page.last.map { ArticleCursor(afterSequence: $0.sequence) } : nil
            return StoryPage(stories: page, next: next)
        }
    }

    /// The story with this ID, or nil.
    public func story(id: String) throws -> StoryDetail? {
        try writer.read { db in
            guard let summary = try StoryRows.summary(db, storyID: id) else { return nil }
            let articles = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(ArticleRows.summaryColumns)
                FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
                WHERE a.story_id = ? ORDER BY a.seq
                """), arguments: [id]).map(ArticleRows.summary(from:))
            let entities = try EntityRows.counts(db, inArticles: "SELECT seq FROM article WHERE story_id = ?",
                                                 arguments: [id], top: 20)
            return StoryDetail(summary: summary, articles: articles, entities: entities,
                               quotes: try StoryRows.carriedQuotes(db, storyID: id))
        }
    }
}

/// Reading stories back: aggregates over the articles that share a `story_id`.
enum StoryRows {
    static func summary(_ db: Database, storyID: String) throws -> StorySummary? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.seq, a.id, a.title, a.published, o.name
            FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
            WHERE a.story_id = ? ORDER BY a.seq
            """), arguments: [storyID])
        guard let first = rows.first else { return nil }
        let titles: [(id: String, title: String)] = rows.compactMap { row in
            (row[2] as String?).map { (row[1], $0) }
        }
        let dates = rows.compactMap { ($0[3] as String?).flatMap { CalendarDate(iso: $0) } }
        return StorySummary(id: storyID, title: representativeTitle(titles), firstPublished: dates.min(),
                            lastPublished: dates.max(), outlets: Set(rows.compactMap { $0[4] as String? }).sorted(),
                            articleCount: rows.count, sequence: first[0])
    }

    /// The headline sharing the most words with the story's other headlines; ties go to
    /// the smallest article ID, so the choice does not depend on arrival order.
    static func representativeTitle(_ titles: [(id: String, title: String)]) -> String? {
        let words = titles.map { Set(EventSignature.words(of: $0.title)) }
        var best: (score: Int, id: String, title: String)?
        for (index, candidate) in titles.enumerated() {
            let score = words.indices.reduce(0) { $1 == index ? $0 : $0 + words[index].intersection(words[$1]).count }
            if best == nil || score > best!.score || (score == best!.score && candidate.id < best!.id) {
                best = (score, candidate.id, candidate.title)
            }
        }
        return best?.title
    }

    /// The story's quote groups (`QuoteGroups`) with the outlets and articles that carried
    /// each; most widely carried first. The text shown is the longest rendering.
    static func carriedQuotes(_ db: Database, storyID: String) throws -> [StoryDetail.CarriedQuote] {
        struct Group { var speaker: String?; var speakerID: String?; var text: String; var outlets: Set<String>; var articles: [String] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT q.group_id, q.speaker, q.text, a.id, o.name, q.speaker_id
            FROM quote q JOIN article a ON a.seq = q.article_seq LEFT JOIN outlet o ON o.id = a.outlet_id
            WHERE a.story_id = ? ORDER BY a.seq, q.idx
            """), arguments: [storyID])
        var groups: [String: Group] = [:]
        for row in rows {
            let groupID: String = row[0], text: String = row[2], articleID: String = row[3]
            var group = groups[groupID] ?? Group(speaker: row[1], speakerID: row[5], text: text, outlets: [], articles: [])
            if text.count > group.text.count { group.text = text }
            if let outlet = row[4] as String? { group.outlets.insert(outlet) }
            if !group.articles.contains(articleID) { group.articles.append(articleID) }
            groups[groupID] = group
        }
        return groups.map { id, group in
            StoryDetail.CarriedQuote(groupID: id, speaker: group.speaker, speakerID: group.speakerID, text: group.text,
                                     outlets: group.outlets.sorted(), articleIDs: group.articles)
        }
        .sorted { ($1.articleIDs.count, $0.groupID) < ($0.articleIDs.count, $1.groupID) }
    }
}
