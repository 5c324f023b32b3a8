import BylineAnalysis
import GRDB

extension ArticleStore {
    /// Quotes in the order they were stored, filtered.
    public func quotes(_ query: QuoteQuery) throws -> QuotePage {
        guard ArticleQuery.limits.contains(query.limit) else { throw StoreError.invalidLimit(query.limit) }
        var conditions = ["q.rowid > ?"]
        var values: [(any DatabaseValueConvertible)?] = [query.after?.afterSequence ?? 0]
        if let speaker = query.speaker { conditions.append("q.speaker_id = ?"); values.append(speaker) }
        if let article = query.article { conditions.append("a.id = ?"); values.append(article) }
        if let story = query.story { conditions.append("a.story_id = ?"); values.append(story) }
        if let outlet = query.outlet { conditions.append("a.outlet_id = ?"); values.append(OutletSlug.slug(for: outlet)) }
        if let search = query.search {
            conditions.append("q.rowid IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)")
            values.append(search)
        }
        values.append(query.limit + 1)
        let sql = "\(QuoteRows.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY q.rowid LIMIT ?"
        return try writer.read { db in
            if let search = query.search { try SearchSyntax.check(search, table: "quote_fts", db: db) }
            let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(values))
            let quotes = rows.prefix(query.limit).map(QuoteRows.record)
            let next = rows.count > query.limit ? quotes.last.map { ArticleCursor(afterSequence: $0.sequence) } : nil
            return QuotePage(quotes: quotes, next: next)
        }
    }

    /// The quote with this ID, or nil.
    public func quote(id: String) throws -> QuoteRecord? {
        try writer.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "\(QuoteRows.select) WHERE q.id = ?"), arguments: [id])
                .map(QuoteRows.record)
        }
    }

    /// The other renderings of a quote's group, in insertion order.
    public func variants(of quote: QuoteRecord) throws -> [QuoteRecord] {
        try writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "\(QuoteRows.select) WHERE q.group_id = ? AND q.id != ? ORDER BY q.rowid"),
                             arguments: [quote.groupID, quote.id]).map(QuoteRows.record)
        }
    }
}

enum QuoteRows {
    static let select = """
        SELECT q.rowid, q.id, q.text, q.speaker, q.speaker_id, q.speaker_text, q.cue, a.id, q.span_start, q.span_end,
               q.group_id, a.outlet_id, o.name
        FROM quote q JOIN article a ON a.seq = q.article_seq LEFT JOIN outlet o ON o.id = a.outlet_id
        """

    static func record(_ row: Row) -> QuoteRecord {
        let outletID: String? = row[11], outletName: String? = row[12]
        return QuoteRecord(id: row[1], text: row[2], speaker: row[3], speakerID: row[4], speakerText: row[5], cue: row[6],
                           articleID: row[7], span: TextSpan(start: row[8], end: row[9]), groupID: row[10],
                           outlet: outletID.flatMap { id in outletName.map { Outlet(id: id, name: $0) } },
                           sequence: row[0])
    }
}
