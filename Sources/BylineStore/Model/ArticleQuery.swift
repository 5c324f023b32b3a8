import BylineAnalysis

/// What to list: a page size, where to resume, and filters that all must hold.
public struct ArticleQuery: Sendable, Hashable {
    public static let defaultLimit = 20
    public static let limits = 1...200

    public var limit: Int
    public var after: ArticleCursor?
    /// An outlet's ID or its name (both reduce to the same slug).
    public var outlet: String?
    /// Inclusive bounds on the publication date; articles without one never match a bound.
    public var publishedFrom: CalendarDate?
    public var publishedTo: CalendarDate?
    /// An FTS5 query over title and body (`putin AND trump`, `"phone call"`, `condemn*`).
    public var search: String?
    /// Only the articles of this story.
    public var story: String?
    /// Only the articles that mention this entity (ID).
    public var entity: String?
    /// Only the articles that quote this entity (ID).
    public var speaker: String?

    public init(limit: Int = ArticleQuery.defaultLimit, after: ArticleCursor? = nil, outlet: String? = nil,
                publishedFrom: CalendarDate? = nil, publishedTo: CalendarDate? = nil, search: String? = nil) {
        self.limit = limit
        self.after = after
        self.outlet = outlet
        self.publishedFrom = publishedFrom
        self.publishedTo = publishedTo
        self.search = search
    }
}

/// One page of a list, in ingestion order, and where the next one starts (nil on the last).
public struct ArticlePage: Sendable, Hashable {
    public let articles: [ArticleSummary]
    public let next: ArticleCursor?
}
