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

public struct SearchPage: Sendable, Hashable {
    public let hits: [SearchHit]
    public let next: ArticleCursor?
}

extension ArticleStore {
    /// Articles (title and body) and quotes matching an FTS5 query (words, "phrases",
    /// prefix*, AND/OR/NOT), best first. The cursor is a position in that order.
    public func search(_ query: String, limit: Int = ArticleQuery.defaultLimit, after: ArticleCursor? = nil) throws -> SearchPage {
        guard ArticleQuery.limits.contains(limit) else { throw StoreError.invalidLimit(limit) }
        let offset = Int(after?.afterSequence ?? 0)
        let wanted = offset + limit + 1
        return try writer.read { db in
            try SearchSyntax.check(query, table: "article_fts", db: db)
            let articles = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT a.id, -bm25(article_fts, 2.0, 1.0), snippet(article_fts, -1, '<mark>', '</mark>', '…', 16)
                FROM article_fts JOIN article a ON a.seq = article_fts.rowid
                WHERE article_fts MATCH ? ORDER BY bm25(article_fts, 2.0, 1.0), a.seq LIMIT ?
                """), arguments: [query, wanted]).map {
                SearchHit(kind: .article, id: $0[0], score: $0[1], snippet: $0[2])
            }
            let quotes = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT q.id, -bm25(quote_fts), snippet(quote_fts, 0, '<mark>', '</mark>', '…', 16)
                FROM quote_fts JOIN quote q ON q.rowid = quote_fts.rowid
                WHERE quote_fts MATCH ? ORDER BY bm25(quote_fts), q.rowid LIMIT ?
                """), arguments: [query, wanted]).map {
                SearchHit(kind: .quote, id: $0[0], score: $0[1], snippet: $0[2])
            }
            let ranked = (articles + quotes).sorted { ($1.score, $0.kind.rawValue, $0.id) < ($0.score, $1.kind.rawValue, $1.id) }
            let page = Array(ranked.dropFirst(offset).prefix(limit))
            let next = ranked.count > offset + limit ? ArticleCursor(afterSequence: Int64(offset + limit)) : nil
            return SearchPage(hits: page, next: next)
        }
    }
}
