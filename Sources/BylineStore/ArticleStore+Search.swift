import GRDB

/// One ranked hit of a search.
public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable { case article, quote }
    public let kind: Kind
    public let id: String
    /// Higher is more relevant (the negated bm25 of the hit's own index).
    public let score: Double
    /// The matching words in context, matches wrapped in `<mark>` … `</mark>`.
    public let snippet: String
}

/// The bound on the work of one search (`ArticleStore.search`).
public enum SearchLimits {
    /// Matches ranked per index (articles, quotes): the newest ones.
    public static let rankedMatches = 1000
}

public struct SearchPage: Sendable, Hashable {
    public let hits: [SearchHit]
    public let next: ArticleCursor?
}

extension ArticleStore {
    /// Articles (title and body) and quotes matching an FTS5 query (words, "phrases",
    /// prefix*, AND/OR/NOT), best first. The cursor is a position in that order.
    ///
    /// Bounded whatever the number of matches: each index ranks its `rankedMatches` newest
    /// matches (every match of all but the broadest queries; ranking all 12,000 articles
    /// that say "ceasefire" in a 100,000-article corpus measured 27 ms, the newest 1,000
    /// 2 ms), and only the best `offset + limit + 1` of each come back, as rowids and
    /// scores. Snippets, the costly part, are made for the returned page only, one indexed
    /// lookup (`MATCH … AND rowid = ?`) per hit.
    public func search(_ query: String, limit: Int = ArticleQuery.defaultLimit, after: ArticleCursor? = nil) throws -> SearchPage {
        guard ArticleQuery.limits.contains(limit) else { throw StoreError.invalidLimit(limit) }
        let offset = Int(after?.afterSequence ?? 0)
        let wanted = offset + limit + 1
        return try writer.read { db in
            try SearchSyntax.check(query, table: "article_fts", db: db)
            let articles = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT f.rowid, f.score, a.id FROM (
                    SELECT rowid, score FROM (
                        SELECT rowid, -bm25(article_fts, 2.0, 1.0) AS score FROM article_fts
                        WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
                    ORDER BY score DESC, rowid LIMIT ?) f
                JOIN article a ON a.seq = f.rowid ORDER BY f.score DESC, f.rowid
                """), arguments: [query, SearchLimits.rankedMatches, wanted]).map { RankedHit(kind: .article, rowid: $0[0], score: $0[1], id: $0[2]) }
            let quotes = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT f.rowid, f.score, q.id FROM (
                    SELECT rowid, score FROM (
                        SELECT rowid, -bm25(quote_fts) AS score FROM quote_fts
                        WHERE quote_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
                    ORDER BY score DESC, rowid LIMIT ?) f
                JOIN quote q ON q.rowid = f.rowid ORDER BY f.score DESC, f.rowid
                """), arguments: [query, SearchLimits.rankedMatches, wanted]).map { RankedHit(kind: .quote, rowid: $0[0], score: $0[1], id: $0[2]) }
            // Ties within a kind go by rowid, as in the queries: each kind's part of the order
            // is then a prefix of that kind's full order, and pages add up to one ranking.
            let ranked = (articles + quotes).sorted {
                ($1.score, $0.kind.rawValue, $0.rowid) < ($0.score, $1.kind.rawValue, $1.rowid)
            }
            let page = try ranked.dropFirst(offset).prefix(limit).map { hit in
                SearchHit(kind: hit.kind, id: hit.id, score: hit.score, snippet: try snippet(of: hit, query: query, db: db))
            }
            let next = ranked.count > offset + limit ? ArticleCursor(afterSequence: Int64(offset + limit)) : nil
            return SearchPage(hits: page, next: next)
        }
    }

    private struct RankedHit {
        let kind: SearchHit.Kind
        let rowid: Int64
        let score: Double
        let id: String
    }

    private func snippet(of hit: RankedHit, query: String, db: Database) throws -> String {
        let sql = switch hit.kind {
        case .article:
            "SELECT snippet(article_fts, -1, '<mark>', '</mark>', '…', 16) FROM article_fts WHERE article_fts MATCH ? AND rowid = ?"
        case .quote:
            "SELECT snippet(quote_fts, 0, '<mark>', '</mark>', '…', 16) FROM quote_fts WHERE quote_fts MATCH ? AND rowid = ?"
        }
        return try String.fetchOne(db.cachedStatement(sql: sql), arguments: [query, hit.rowid]) ?? ""
    }
}
