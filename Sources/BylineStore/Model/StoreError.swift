/// Failures of the store that callers can act on; anything else is a fault of the store.
public enum StoreError: Error, Sendable, Hashable {
    /// The text is empty once normalised (only white space).
    case emptyText
    /// A web page in which no article text could be found.
    case noArticleInPage
    /// The full-text query is not valid FTS5 syntax; `reason` is SQLite's explanation.
    case invalidSearchQuery(query: String, reason: String)
    /// A page size outside `ArticleQuery.limits`.
    case invalidLimit(Int)
}
