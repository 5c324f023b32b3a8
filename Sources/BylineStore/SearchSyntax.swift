import GRDB

/// Full-text queries come from users: one is run on its own first, so that an error from it
/// can only be the query's fault and becomes `StoreError.invalidSearchQuery`, never a
/// server fault.
enum SearchSyntax {
    /// `table` is one of our FTS5 tables (a constant, never user input).
    static func check(_ search: String, table: String, db: Database) throws {
        do {
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT rowid FROM \(table) WHERE \(table) MATCH ? LIMIT 1)",
                                 arguments: [search])
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw StoreError.invalidSearchQuery(query: search, reason: error.message ?? "invalid full-text query")
        }
    }
}
