import GRDB

extension ArticleStore {
    /// Removes the article and what derives only from it (its full-text entry, and its
    /// outlet when no other article names it). False when there was no such article.
    public func delete(id: String) throws -> Bool {
        try writer.write { db in
            let outletID = try String.fetchOne(db, sql: "SELECT outlet_id FROM article WHERE id = ?",
                                               arguments: [id])
            try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { return false }
            if let outletID {
                try db.execute(
                    sql: "DELETE FROM outlet WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article WHERE outlet_id = ?)",
                    arguments: [outletID, outletID])
            }
            return true
        }
    }
}
