/// What the parser finds in an article's text: the article as a reader sees it, without
/// the page furniture around it. The first typed stage after the raw text; quote and entity
/// extraction (`ArticleAnalysis`) build on it.
public struct ArticleDocument: Sendable, Hashable {
    /// The headline as printed, or nil when the text shows none (never invented).
    public var title: String?
    /// The publisher's name when the text itself shows it, or nil (never guessed).
    public var outlet: String?
    /// The publication date when the text shows one near its top, or nil.
    public var published: CalendarDate?
    /// Names from a byline (`By …`), in order; empty when there is none.
    public var authors: [String]
    /// The story's running text, from its first sentence to the end of its last one, exactly
    /// as it appears in the source text (so `bodySpan` slices it out again).
    public var body: String
    /// Where `body` lies in the text, in Unicode scalars; nil when no story text was found.
    public var bodySpan: TextSpan?
    /// A BCP 47 language tag (`en`), or `und` when the text gives too little evidence.
    public var language: String
    /// Words in `body`: whitespace-separated tokens holding at least one letter or digit.
    public var wordCount: Int

    public init(title: String? = nil, outlet: String? = nil, published: CalendarDate? = nil,
                authors: [String] = [], body: String, bodySpan: TextSpan? = nil,
                language: String, wordCount: Int) {
        self.title = title
        self.outlet = outlet
        self.published = published
        self.authors = authors
        self.body = body
        self.bodySpan = bodySpan
        self.language = language
        self.wordCount = wordCount
    }
}
