import BylineStore

/// The full article, member for member as API.md lists them. Optional members are written
/// as `null`, never left out: clients can tell "not shown in the text" from a missing field.
struct ArticleJSON: Encodable {
    /// The members a list shows too.
    let summary: ArticleSummaryJSON
    let body: String
    let quotes: [QuoteJSON]
    let entities: [EntityJSON]
    let dates: [DateJSON]
    let sha256: String

    init(_ article: ArticleRecord) {
        summary = ArticleSummaryJSON(article)
        body = article.body
        let ids = article.quoteIDs
        quotes = article.quotes.indices.map {
            QuoteJSON(article.quotes[$0], id: ids[$0], groupID: article.quoteGroupIDs[$0], articleID: article.id,
                      entities: article.entities)
        }
        entities = article.entities.map(EntityJSON.init)
        dates = article.dates.map(DateJSON.init)
        sha256 = article.sha256
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ArticleSummaryJSON.CodingKeys.self)
        try summary.encodeLeadingMembers(into: &container)
        try container.encode(body, forKey: .body)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(entities, forKey: .entities)
        try container.encode(dates, forKey: .dates)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(summary.ingestedAt, forKey: .ingestedAt)
    }
}
