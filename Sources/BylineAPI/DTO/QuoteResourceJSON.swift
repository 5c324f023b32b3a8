import BylineStore

/// A quote as `GET /v1/quotes` lists it: API.md's quote, plus the outlet that carried it,
/// and on `GET /v1/quotes/{id}` its `variants` (the other renderings of its group).
struct QuoteResourceJSON: Encodable {
    let quote: QuoteRecord
    let variants: [QuoteRecord]?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: QuoteJSON.CodingKeys.self)
        try QuoteJSON(quote).encodeMembers(into: &container)
        try container.encode(quote.outlet.map(OutletJSON.init), forKey: .outlet)
        if let variants {
            try container.encode(variants.map { QuoteResourceJSON(quote: $0, variants: nil) }, forKey: .variants)
        }
    }
}
