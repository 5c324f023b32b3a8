import GRDB

extension ArticleStore {
    /// Removes the article and what derives only from it (its full-text entry, signature,
    /// quotes and entity mentions, and its outlet when no other article names it); the rest
    /// of its story and of its quotes' groups are regrouped. False when there was no such
    /// article.
    public func delete(id: String) throws -> Bool {
        let changed = try writer.write { db -> [String]? in
            guard let row = try Row.fetchOne(db, sql: "SELECT seq, outlet_id, story_id FROM article WHERE id = ?",
                                             arguments: [id]) else { return nil }
            let sequence: Int64 = row[0]
            let outletID: String? = row[1]
            let story: String? = row[2]
            // Its story and its quote groups may fall apart: they are regrouped from their
            // remaining members once it is gone.
            let groups = Set(try QuoteGroups.groups(ofArticle: sequence, db: db))
            try db.execute(sql: "DELETE FROM article WHERE seq = ?", arguments: [sequence])
            var changed = Set<Int64>()
            if let story { changed.formUnion(try StoryGrouping.regroup(story: story, db: db)) }
            changed.formUnion(try QuoteGroups.regroup(groups, db: db))
            let changedIDs = try ArticleRows.ids(ofSequences: changed, db: db)
            if let outletID {
                try db.execute(
                    sql: "DELETE FROM outlet WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article WHERE outlet_id = ?)",
                    arguments: [outletID, outletID])
            }
            return changedIDs + [id]
        }
        checkpointer?.request()
        guard let changed else { return false }
        noteWrite()
        notifyChanged(changed)
        return true
    }
}
