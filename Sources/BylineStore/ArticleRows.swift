import BylineAnalysis
import Foundation
import GRDB

/// Reading articles back from rows: the one place that knows the column names.
enum ArticleRows {
    static let summaryColumns = """
        a.seq, a.id, a.title, a.outlet_id, o.name AS outlet_name, a.published, a.url, a.authors,
        a.language, a.word_count, a.story_id, a.ingested_at
        """

    static func fetchArticle(_ db: Database, id: String) throws -> ArticleRecord? {
        let sql = """
            SELECT \(summaryColumns), a.sha256, a.content_type, a.body, a.body_start, a.body_end
            FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
            WHERE a.id = ?
            """
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [id]) else { return nil }
        let summary = try summary(from: row)
        let start: Int? = row["body_start"], end: Int? = row["body_end"]
        return ArticleRecord(
            id: summary.id, sequence: summary.sequence, sha256: row["sha256"],
            contentType: row["content_type"], title: summary.title, outlet: summary.outlet,
            published: summary.published, url: summary.url, authors: summary.authors,
            language: summary.language, wordCount: summary.wordCount, body: row["body"],
            bodySpan: start.flatMap { start in end.map { TextSpan(start: start, end: $0) } },
            storyID: summary.storyID, ingestedAt: summary.ingestedAt)
    }

    static func summary(from row: Row) throws -> ArticleSummary {
        let outletID: String? = row["outlet_id"]
        let outletName: String? = row["outlet_name"]
        let published: String? = row["published"]
        let authorsJSON: String = row["authors"]
        return ArticleSummary(
            id: row["id"], sequence: row["seq"], title: row["title"],
            outlet: outletID.flatMap { id in outletName.map { Outlet(id: id, name: $0) } },
            published: published.flatMap { CalendarDate(iso: $0) },
            url: row["url"],
            authors: try JSONDecoder().decode([String].self, from: Data(authorsJSON.utf8)),
            language: row["language"], wordCount: row["word_count"],
            storyID: row["story_id"], ingestedAt: row["ingested_at"])
    }
}
