import BylineAnalysis

/// A stored article, as the API serves it in full (without its raw bytes and text, which
/// `ArticleStore.rawContent(id:)` and `text(id:)` fetch on their own: they can be large).
public struct ArticleRecord: Sendable, Hashable {
    /// Derived from the normalised text; see `ArticleText.identifier(ofNormalised:)`.
    public let id: String
    /// Position in ingestion order: strictly increasing, never reused after a delete.
    public let sequence: Int64
    /// Lower-case hex SHA-256 of the raw text's UTF-8 bytes.
    public let sha256: String
    public let contentType: String
    public let title: String?
    public let outlet: Outlet?
    public let published: CalendarDate?
    public let url: String?
    public let authors: [String]
    public let language: String
    public let wordCount: Int
    public let body: String
    /// Where `body` lies in the text, in Unicode scalars.
    public let bodySpan: TextSpan?
    /// The story (set of articles reporting one event) the article belongs to; nil until
    /// story grouping exists.
    public let storyID: String?
    /// RFC 3339 UTC, whole seconds.
    public let ingestedAt: String
    /// Direct quotations with their speakers, spans indexing the article's text.
    public let quotes: [Quote]
    /// Named people, organisations and places, with aliases, roles and mention spans.
    public let entities: [Entity]
    /// Dates the story refers to, resolved against its publication date.
    public let dates: [DateMention]
    /// The ID of each quote, in order.
    public var quoteIDs: [String] { quotes.indices.map { QuoteGroups.quoteID(articleID: id, index: $0) } }
    /// The group of each quote, in order: quotes of other articles with the same words of
    /// the same speaker share it.
    public let quoteGroupIDs: [String]
}
