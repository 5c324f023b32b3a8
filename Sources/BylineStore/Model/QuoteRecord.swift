import BylineAnalysis

/// A stored quote, as the quote resources serve it.
public struct QuoteRecord: Sendable, Hashable {
    public let id: String
    public let text: String
    /// The canonical name of the speaker, and its entity ID; nil when no named source.
    public let speaker: String?
    public let speakerID: String?
    public let speakerText: String?
    public let cue: String?
    public let articleID: String
    public let span: TextSpan
    public let groupID: String
    /// The outlet of the article that carried it.
    public let outlet: Outlet?
    /// Position in insertion order: the list order and its cursor.
    public let sequence: Int64
}

/// What to list of the quotes: every filter set must hold.
public struct QuoteQuery: Sendable, Hashable {
    public var limit: Int
    public var after: ArticleCursor?
    /// The speaker's entity ID.
    public var speaker: String?
    /// An FTS5 query over the quoted words.
    public var search: String?
    public var article: String?
    public var story: String?
    /// An outlet's ID or name.
    public var outlet: String?

    public init(limit: Int = ArticleQuery.defaultLimit, after: ArticleCursor? = nil, speaker: String? = nil,
                search: String? = nil, article: String? = nil, story: String? = nil, outlet: String? = nil) {
        self.limit = limit
        self.after = after
        self.speaker = speaker
        self.search = search
        self.article = article
        self.story = story
        self.outlet = outlet
    }
}

public struct QuotePage: Sendable, Hashable {
    public let quotes: [QuoteRecord]
    public let next: ArticleCursor?
}
