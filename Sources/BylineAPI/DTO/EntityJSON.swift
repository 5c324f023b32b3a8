import BylineAnalysis
import BylineStore

/// An entity across the corpus (API.md "Entities").
struct EntitySummaryJSON: Encodable {
    let summary: EntitySummary

    enum CodingKeys: String, CodingKey {
        case id, name, type, aliases, roles
        case articleCount = "article_count"
        case mentionCount = "mention_count"
        case quoteCount = "quote_count"
        case articles, quotes
        case mentionedWith = "mentioned_with"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeMembers(into: &container)
    }

    func encodeMembers(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(summary.id, forKey: .id)
        try container.encode(summary.name, forKey: .name)
        try container.encode(summary.type.rawValue, forKey: .type)
        try container.encode(summary.aliases, forKey: .aliases)
        try container.encode(summary.roles, forKey: .roles)
        try container.encode(summary.articleCount, forKey: .articleCount)
        try container.encode(summary.mentionCount, forKey: .mentionCount)
        try container.encode(summary.quoteCount, forKey: .quoteCount)
    }
}

/// An entity with the articles that mention it, the quotes it speaks and the entities most
/// often mentioned with it.
struct EntityDetailJSON: Encodable {
    let detail: EntityDetail

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EntitySummaryJSON.CodingKeys.self)
        try EntitySummaryJSON(summary: detail.summary).encodeMembers(into: &container)
        try container.encode(detail.articles.map(ArticleSummaryJSON.init), forKey: .articles)
        try container.encode(detail.quotes.map { QuoteResourceJSON(quote: $0, variants: nil) }, forKey: .quotes)
        try container.encode(detail.mentionedWith.map(EntityCountJSON.init), forKey: .mentionedWith)
    }
}

/// An entity with how many articles of a set mention it (a story's entities, an entity's
/// co-mentions).
struct EntityCountJSON: Encodable {
    let count: EntityCount

    enum CodingKeys: String, CodingKey {
        case id, name, type
        case articleCount = "article_count"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count.id, forKey: .id)
        try container.encode(count.name, forKey: .name)
        try container.encode(count.type.rawValue, forKey: .type)
        try container.encode(count.articleCount, forKey: .articleCount)
    }
}
