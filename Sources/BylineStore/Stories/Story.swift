import BylineAnalysis

/// A set of articles that report the same event, as lists show it.
public struct StorySummary: Sendable, Hashable {
    public let id: String
    /// The headline most like the others of the story (the first, by article ID, on ties).
    public let title: String?
    public let firstPublished: CalendarDate?
    public let lastPublished: CalendarDate?
    /// Outlet names, sorted.
    public let outlets: [String]
    public let articleCount: Int
    /// Ingestion position of the story's first article: the list order and its cursor.
    public let sequence: Int64
}

/// A story with its articles, the entities they mention and the quotes they carry.
public struct StoryDetail: Sendable, Hashable {
    /// One quotation as carried by one or more of the story's articles.
    public struct CarriedQuote: Sendable, Hashable {
        /// The quote group (same words, same speaker) it belongs to.
        public let groupID: String
        public let speaker: String?
        /// The speaker's entity ID, as the entity resources know it.
        public let speakerID: String?
        public let text: String
        public let outlets: [String]
        public let articleIDs: [String]
    }

    public let summary: StorySummary
    public let articles: [ArticleSummary]
    /// The entities mentioned in the most of its articles, first.
    public let entities: [EntityCount]
    public let quotes: [CarriedQuote]
}

/// The bounds of `GET /v1/stories/{id}`: a story may gather thousands of articles, and its
/// detail costs the same whatever its size (`StoryRows`).
public enum StoryDetailLimits {
    /// The articles listed: the first ones in ingestion order (all of them through the
    /// articles list with a `story` filter).
    public static let articles = 100
    /// Top entities and carried quotes are counted over this many of the story's articles:
    /// those with the smallest IDs, a set that does not depend on arrival order. Stories no
    /// larger than this (nearly all) are counted whole.
    public static let sample = 200
    public static let entities = 20
    public static let quotes = 50
}

/// One page of stories and where the next one starts.
public struct StoryPage: Sendable, Hashable {
    public let stories: [StorySummary]
    public let next: ArticleCursor?
}
