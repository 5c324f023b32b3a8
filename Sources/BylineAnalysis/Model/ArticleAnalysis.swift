/// Everything the analysis layer finds in one article: the parsed document, and the quotes
/// and entities found in it.
///
/// In this issue only `document` is filled (by `ArticleParser`); `quotes` and `entities`
/// stay empty until the analyzer lands. The type exists now so the store and the API are
/// shaped around the full result and will not need reshaping when it arrives.
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
