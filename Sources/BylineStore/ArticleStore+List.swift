import GRDB

extension ArticleStore {
    /// A page of article summaries in ingestion order, after `query.after`, matching every
    /// filter of `query`.
    public func list(_ query: ArticleQuery) throws -> ArticlePage {
        guard ArticleQuery.limits.contains(query.limit) else { throw StoreError.invalidLimit(query.limit) }
        var conditions = ["a.seq > ?"]
        var values: [(any DatabaseValueConvertible)?] = [query.after?.afterSequence ?? 0]
        if let outlet = query.outlet {
            conditions.append("a.outlet_id = ?")
            values.append(OutletSlug.slug(for: outlet))
        }
        if let from = query.publishedFrom {
            conditions.append("a.published >= ?")
            values.append(from.iso)
        }
        if let to = query.publishedTo {
            conditions.append("a.published <= ?")
            values.append(to.iso)
        }
        if let entity = query.entity {
            conditions.append("a.seq IN (SELECT article_seq FROM entity_mention WHERE entity_id = ?)")
            values.append(entity)
        }
        if let speaker = query.speaker {
            conditions.append("a.seq IN (SELECT article_seq FROM quote WHERE speaker_id = ?)")
            values.append(speaker)
        }
        if let story = query.story {
            conditions.append("a.story_id = ?")
            values.append(story)
        }
        if let search = query.search {
            conditions.append("a.seq IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)")
            values.append(search)
        }
        // One row more than asked tells whether another page follows.
        values.append(query.limit + 1)
        let arguments = StatementArguments(values)
        let sql = """
            SELECT \(ArticleRows.summaryColumns)
            FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY a.seq
            LIMIT ?
            """
        return try writer.read { db in
            if let search = query.search { try SearchSyntax.check(search, table: "article_fts", db: db) }
            let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
            let articles = try rows.prefix(query.limit).map(ArticleRows.summary(from:))
            let next = rows.count > query.limit ? articles.last.map { ArticleCursor(afterSequence: $0.sequence) } : nil
            return ArticlePage(articles: articles, next: next)
        }
    }
}
