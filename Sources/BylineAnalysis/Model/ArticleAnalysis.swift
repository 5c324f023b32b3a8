/// Everything the analysis layer finds in one article: the parsed document, the quotes with
/// their speakers, the entities, and the dates the story refers to.
public struct ArticleAnalysis: Sendable, Hashable {
    public var document: ArticleDocument
    public var quotes: [Quote]
    public var entities: [Entity]
    /// Dates the story refers to, resolved against its publication date ("on Saturday" in a
    /// story of 2025-06-14 → 2025-06-14): what tells two reports of one event from two
    /// events with the same actors.
    public var dates: [DateMention]

    public init(document: ArticleDocument, quotes: [Quote] = [], entities: [Entity] = [],
                dates: [DateMention] = []) {
        self.document = document
        self.quotes = quotes
        self.entities = entities
        self.dates = dates
    }
}
