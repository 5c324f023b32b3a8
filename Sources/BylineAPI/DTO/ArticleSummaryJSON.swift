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

    enum CodingKeys: String, CodingKey {
        case id, title, outlet, published, url, authors, language
        case wordCount = "word_count"
        case storyID = "story_id"
        case ingestedAt = "ingested_at"
    }

    init(_ summary: ArticleSummary) {
        id = summary.id
        title = summary.title
        outlet = summary.outlet.map(OutletJSON.init)
        published = summary.published?.iso
        url = summary.url
        authors = summary.authors
        language = summary.language
        wordCount = summary.wordCount
        storyID = summary.storyID
        ingestedAt = summary.ingestedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(outlet, forKey: .outlet)
        try container.encode(published, forKey: .published)
        try container.encode(url, forKey: .url)
        try container.encode(authors, forKey: .authors)
        try container.encode(language, forKey: .language)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(storyID, forKey: .storyID)
        try container.encode(ingestedAt, forKey: .ingestedAt)
    }
}

/// `{"data": [...], "next_cursor": "…" | null}`.
struct ArticleListJSON: Encodable {
    let data: [ArticleSummaryJSON]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case data
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
