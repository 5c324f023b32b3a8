import BylineStore

/// A quote as `GET /v1/quotes` lists it: API.md's quote, plus the outlet that carried it,
/// and on `GET /v1/quotes/{id}` its `variants` (the other renderings of its group).
struct QuoteResourceJSON: Encodable {
    let quote: QuoteRecord
    let variants: [QuoteRecord]?

    enum CodingKeys: String, CodingKey {
        case id, text, speaker
        case speakerText = "speaker_text"
        case cue
        case articleID = "article_id"
        case span
        case groupID = "group_id"
        case outlet, variants
    }

    func encode(to encoder: any Encoder) throws {
        let base = QuoteJSON(quote)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(base.id, forKey: .id)
        try container.encode(base.text, forKey: .text)
        try container.encode(base.speaker, forKey: .speaker)
        try container.encode(base.speakerText, forKey: .speakerText)
        try container.encode(base.cue, forKey: .cue)
        try container.encode(base.articleID, forKey: .articleID)
        try container.encode(base.span, forKey: .span)
        try container.encode(base.groupID, forKey: .groupID)
        try container.encode(quote.outlet.map(OutletJSON.init), forKey: .outlet)
        if let variants {
            try container.encode(variants.map { QuoteResourceJSON(quote: $0, variants: nil) }, forKey: .variants)
        }
    }
}
