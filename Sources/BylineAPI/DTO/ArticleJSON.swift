import BylineStore

/// The full article, member for member as API.md lists them. Optional members are written
/// as `null`, never left out: clients can tell "not shown in the text" from a missing field.
struct ArticleJSON: Encodable {
    let id: String
    let title: String?
    let outlet: OutletJSON?
    let published: String?
    let url: String?
    let authors: [String]
    let language: String
    let wordCount: Int
    let storyID: String?
    let body: String
    let quotes: [QuoteJSON]
    let entities: [EntityJSON]
    let sha256: String
    let ingestedAt: String

    enum CodingKeys: String, CodingKey {
        case id, title, outlet, published, url, authors, language
        case wordCount = "word_count"
        case storyID = "story_id"
        case body, quotes, entities, sha256
        case ingestedAt = "ingested_at"
    }

    init(_ article: ArticleRecord) {
        id = article.id
        title = article.title
        outlet = article.outlet.map(OutletJSON.init)
        published = article.published?.iso
        url = article.url
        authors = article.authors
        language = article.language
        wordCount = article.wordCount
        storyID = article.storyID
        body = article.body
        // The store keeps no quotes or entities before the analyzer issue (schema v1 has
        // no tables for them); API.md fixes the members, so they are present and empty.
        quotes = []
        entities = []
        sha256 = article.sha256
        ingestedAt = article.ingestedAt
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
        try container.encode(body, forKey: .body)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(entities, forKey: .entities)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(ingestedAt, forKey: .ingestedAt)
    }
}
