import GRDB

extension ArticleStore {
    /// Removes the article and what derives only from it (its full-text entry, its story
    /// links, and its outlet when no other article names it); the rest of its story is
    /// regrouped. False when there was no such article.
    public func delete(id: String) throws -> Bool {
        let changed = try writer.write { db -> [String]? in
            guard let row = try Row.fetchOne(db, sql: "SELECT seq, outlet_id FROM article WHERE id = ?",
                                             arguments: [id]) else { return nil }
            let sequence: Int64 = row[0]
            let outletID: String? = row[1]
            // Its story and its quote groups may fall apart: relabel what it linked, once its
            // links are gone.
            let neighbours = try StoryGrouping.neighbours(of: sequence, db: db)
            let quoteNeighbours = try QuoteGroups.neighbours(ofArticle: sequence, db: db)
            try db.execute(sql: "DELETE FROM article WHERE seq = ?", arguments: [sequence])
            var changed = Set<Int64>()
            for neighbour in neighbours {
                changed.formUnion(try StoryGrouping.relabel(componentOf: neighbour, db: db))
            }
            for quote in quoteNeighbours {
                changed.formUnion(try QuoteGroups.relabel(componentOf: quote, db: db))
            }
            let changedIDs = try ArticleRows.ids(ofSequences: changed, db: db)
            if let outletID {
                try db.execute(
                    sql: "DELETE FROM outlet WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article WHERE outlet_id = ?)",
                    arguments: [outletID, outletID])
            }
            return changedIDs + [id]
        }
        guard let changed else { return false }
        notifyChanged(changed)
        return true
    }
}
