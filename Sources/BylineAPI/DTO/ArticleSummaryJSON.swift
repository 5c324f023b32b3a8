import BylineAnalysis
import BylineStore

/// An article in a list: the full article's members without body, quotes and entities.
/// Optional members are written as `null`, as in the full article.
struct ArticleSummaryJSON: Encodable {
    let id: String
    let title: String?
    let outlet: OutletJSON?
    let published: String?
    let url: String?
    let authors: [String]
    let language: String
    let wordCount: Int
    let storyID: String?
    let ingestedAt: String

    /// The members of both the summary and the full article, in API.md's order.
    enum CodingKeys: String, CodingKey {
        case id, title, outlet, published, url, authors, language
        case wordCount = "word_count"
        case storyID = "story_id"
        case body, quotes, entities, dates, sha256
        case ingestedAt = "ingested_at"
    }

    init(_ summary: ArticleSummary) {
        self.init(id: summary.id, title: summary.title, outlet: summary.outlet, published: summary.published,
                  url: summary.url, authors: summary.authors, language: summary.language,
                  wordCount: summary.wordCount, storyID: summary.storyID, ingestedAt: summary.ingestedAt)
    }

    init(_ article: ArticleRecord) {
        self.init(id: article.id, title: article.title, outlet: article.outlet, published: article.published,
                  url: article.url, authors: article.authors, language: article.language,
                  wordCount: article.wordCount, storyID: article.storyID, ingestedAt: article.ingestedAt)
    }

    private init(id: String, title: String?, outlet: Outlet?, published: CalendarDate?, url: String?,
                 authors: [String], language: String, wordCount: Int, storyID: String?, ingestedAt: String) {
        self.id = id
        self.title = title
        self.outlet = outlet.map(OutletJSON.init)
        self.published = published?.iso
        self.url = url
        self.authors = authors
        self.language = language
        self.wordCount = wordCount
        self.storyID = storyID
        self.ingestedAt = ingestedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeLeadingMembers(into: &container)
        try container.encode(ingestedAt, forKey: .ingestedAt)
    }

    /// `id` … `story_id`: what a full article writes before its body.
    func encodeLeadingMembers(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(outlet, forKey: .outlet)
        try container.encode(published, forKey: .published)
        try container.encode(url, forKey: .url)
        try container.encode(authors, forKey: .authors)
        try container.encode(language, forKey: .language)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(storyID, forKey: .storyID)
    }
}
