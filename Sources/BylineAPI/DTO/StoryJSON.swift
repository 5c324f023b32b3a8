import BylineAnalysis
import BylineStore

/// A story in a list.
struct StorySummaryJSON: Encodable {
    let summary: StorySummary

    enum CodingKeys: String, CodingKey {
        case id, title
        case firstPublished = "first_published"
        case lastPublished = "last_published"
        case outlets
        case articleCount = "article_count"
        case articles, entities, quotes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeMembers(into: &container)
    }

    func encodeMembers(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(summary.id, forKey: .id)
        try container.encode(summary.title, forKey: .title)
        try container.encode(summary.firstPublished?.iso, forKey: .firstPublished)
        try container.encode(summary.lastPublished?.iso, forKey: .lastPublished)
        try container.encode(summary.outlets, forKey: .outlets)
        try container.encode(summary.articleCount, forKey: .articleCount)
    }
}

/// A story with its articles, top entities and the quotes it carries (API.md "Stories").
struct StoryJSON: Encodable {
    let detail: StoryDetail

    struct CarriedQuoteJSON: Encodable {
        let quote: StoryDetail.CarriedQuote
        enum CodingKeys: String, CodingKey {
            case groupID = "group_id"
            case speaker, text, outlets
            case articleIDs = "article_ids"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(quote.groupID, forKey: .groupID)
            try container.encode(quote.speaker.map {
                QuoteJSON.Speaker(id: quote.speakerID ?? EntityIdentifier.id(name: $0, type: .person), name: $0)
            }, forKey: .speaker)
            try container.encode(quote.text, forKey: .text)
            try container.encode(quote.outlets, forKey: .outlets)
            try container.encode(quote.articleIDs, forKey: .articleIDs)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StorySummaryJSON.CodingKeys.self)
        try StorySummaryJSON(summary: detail.summary).encodeMembers(into: &container)
        try container.encode(detail.articles.map(ArticleSummaryJSON.init), forKey: .articles)
        try container.encode(detail.entities.map(EntityCountJSON.init), forKey: .entities)
        try container.encode(detail.quotes.map(CarriedQuoteJSON.init), forKey: .quotes)
    }
}
