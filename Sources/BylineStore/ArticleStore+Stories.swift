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

    /// The story with this ID, or nil. Bounded whatever the story's size (`StoryRows`):
    /// its first `StoryRows.maximumArticles` articles, and entities and quotes drawn from
    /// its `StoryRows.sampleSize` articles with the smallest IDs.
    public func story(id: String) throws -> StoryDetail? {
        try writer.read { db in
            guard let summary = try StoryRows.summary(db, storyID: id) else { return nil }
            let articles = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(ArticleRows.summaryColumns)
                FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
                WHERE a.story_id = ? ORDER BY a.seq LIMIT ?
                """), arguments: [id, StoryRows.maximumArticles]).map(ArticleRows.summary(from:))
            let entities = try EntityRows.counts(db, inArticles: StoryRows.sample, arguments: [id, StoryRows.sampleSize],
                                                 top: StoryRows.maximumEntities)
            return StoryDetail(summary: summary, articles: articles, entities: entities,
                               quotes: try StoryRows.carriedQuotes(db, storyID: id))
        }
    }
}

/// Reading stories back. A story may gather thousands of articles, so every read is
/// bounded by index ranges and a sample, never a pass over all its members:
/// - exact, from indexes: the article count, first sequence, date range and outlets;
/// - the representative title: the best of the titles of the sample;
/// - top entities and carried quotes: counted over the sample;
/// - articles: the first `maximumArticles` in ingestion order (all of them through
///   `GET /v1/articles?story=`).
/// The sample is the `sampleSize` articles with the smallest IDs: a set that does not depend
/// on arrival order, so neither do the title, entities and quotes. For stories no larger
/// than the sample (nearly all), everything is computed over all the articles.
enum StoryRows {
    static let sampleSize = StoryDetailLimits.sample
    static let maximumArticles = StoryDetailLimits.articles
    static let maximumEntities = StoryDetailLimits.entities
    static let maximumQuotes = StoryDetailLimits.quotes
    /// Titles scored against each other for the representative title: pairwise, so fewer.
    static let titleCandidates = 50

    /// The sequences of a story's sample; arguments: the story ID and `sampleSize`.
    static let sample = "SELECT seq FROM article WHERE story_id = ? ORDER BY id LIMIT ?"

    static func summary(_ db: Database, storyID: String) throws -> StorySummary? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT MIN(seq) FROM article WHERE story_id = ?1),
                   (SELECT COUNT(*) FROM article WHERE story_id = ?1),
                   (SELECT MIN(published) FROM article WHERE story_id = ?1 AND published IS NOT NULL),
                   (SELECT MAX(published) FROM article WHERE story_id = ?1 AND published IS NOT NULL)
            """), arguments: [storyID]), let first = row[0] as Int64? else { return nil }
        // One index seek per outlet (a skip scan of `article_story_outlet`), however many
        // articles each outlet has in the story.
        let outlets = try String.fetchAll(db.cachedStatement(sql: """
            WITH RECURSIVE next(outlet_id) AS (
                SELECT MIN(outlet_id) FROM article WHERE story_id = ?1
                UNION ALL
                SELECT (SELECT MIN(outlet_id) FROM article WHERE story_id = ?1 AND outlet_id > next.outlet_id)
                FROM next WHERE next.outlet_id IS NOT NULL)
            SELECT o.name FROM next JOIN outlet o ON o.id = next.outlet_id
            """), arguments: [storyID])
        let titles = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, title FROM article WHERE story_id = ? AND title IS NOT NULL ORDER BY id LIMIT ?
            """), arguments: [storyID, titleCandidates]).map { (id: $0[0] as String, title: $0[1] as String) }
        let published: [CalendarDate] = [row[2], row[3]].compactMap { ($0 as String?).flatMap { CalendarDate(iso: $0) } }
        return StorySummary(id: storyID, title: representativeTitle(titles), firstPublished: published.first,
                            lastPublished: published.last, outlets: Set(outlets).sorted(),
                            articleCount: row[1], sequence: first)
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
    /// each, over the sample; most widely carried first, at most `maximumQuotes`. The text
    /// shown is the longest rendering (in bytes).
    static func carriedQuotes(_ db: Database, storyID: String) throws -> [StoryDetail.CarriedQuote] {
        struct Group { var speaker: String?; var speakerID: String?; var text: String; var outlets: Set<String>; var articles: [String] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT q.group_id, q.speaker, q.text, a.id, o.name, q.speaker_id
            FROM quote q JOIN article a ON a.seq = q.article_seq LEFT JOIN outlet o ON o.id = a.outlet_id
            WHERE q.article_seq IN (\(sample)) ORDER BY a.seq, q.idx
            """), arguments: [storyID, sampleSize])
        var groups: [String: Group] = [:]
        for row in rows {
            let groupID: String = row[0], text: String = row[2], articleID: String = row[3]
            var group = groups[groupID] ?? Group(speaker: row[1], speakerID: row[5], text: text, outlets: [], articles: [])
            // Length in UTF-8 bytes: counting characters walks every grapheme of every row.
            if text.utf8.count > group.text.utf8.count { group.text = text }
            if let outlet = row[4] as String? { group.outlets.insert(outlet) }
            if !group.articles.contains(articleID) { group.articles.append(articleID) }
            groups[groupID] = group
        }
        return groups.map { id, group in
            StoryDetail.CarriedQuote(groupID: id, speaker: group.speaker, speakerID: group.speakerID, text: group.text,
                                     outlets: group.outlets.sorted(), articleIDs: group.articles)
        }
        .sorted { ($1.articleIDs.count, $0.groupID) < ($0.articleIDs.count, $1.groupID) }
        .prefix(maximumQuotes).map { $0 }
    }
}
