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
            SELECT \(summaryColumns), a.sha256, a.content_type, a.body, a.body_start, a.body_end, a.analysis
            FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
            WHERE a.id = ?
            """
        // A cached statement: compiling (and GRDB's authorizer pass) per read measured as a
        // fifth of a GET's CPU.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id]) else { return nil }
        let summary = try summary(from: row)
        let start: Int? = row[15], end: Int? = row[16]
        let analysis = try StoredAnalysis.decode(row[17])
        let groups = try QuoteGroups.groups(ofArticle: summary.sequence, db: db)
        return ArticleRecord(
            id: summary.id, sequence: summary.sequence, sha256: row[12],
            contentType: row[13], title: summary.title, outlet: summary.outlet,
            published: summary.published, url: summary.url, authors: summary.authors,
            language: summary.language, wordCount: summary.wordCount, body: row[14],
            bodySpan: start.flatMap { start in end.map { TextSpan(start: start, end: $0) } },
            storyID: summary.storyID, ingestedAt: summary.ingestedAt,
            quotes: analysis.quotes, entities: analysis.entities, dates: analysis.dates,
            quoteGroupIDs: groups.count == analysis.quotes.count ? groups
                : analysis.quotes.indices.map { QuoteGroups.groupID(forSmallestQuoteID: QuoteGroups.quoteID(articleID: summary.id, index: $0)) })
    }

    static func ids(ofSequences sequences: Set<Int64>, db: Database) throws -> [String] {
        guard !sequences.isEmpty else { return [] }
        return try String.fetchAll(db, sql: "SELECT id FROM article WHERE seq IN (\(databaseQuestionMarks(count: sequences.count)))",
                                   arguments: StatementArguments(Array(sequences)))
    }

    /// Reads `summaryColumns` by position (they come first in every query that uses them):
    /// lookups by name lower-case the name on every access, which showed in profiles.
    static func summary(from row: Row) throws -> ArticleSummary {
        let outletID: String? = row[3]
        let outletName: String? = row[4]
        let published: String? = row[5]
        let authorsJSON: String = row[7]
        return ArticleSummary(
            id: row[1], sequence: row[0], title: row[2],
            outlet: outletID.flatMap { id in outletName.map { Outlet(id: id, name: $0) } },
            published: published.flatMap { CalendarDate(iso: $0) },
            url: row[6],
            authors: authorsJSON == "[]" ? [] : try JSONDecoder().decode([String].self, from: Data(authorsJSON.utf8)),
            language: row[8], wordCount: row[9],
            storyID: row[10], ingestedAt: row[11])
    }
}
