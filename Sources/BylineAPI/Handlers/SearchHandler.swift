import BylineHTTP
import BylineStore

/// `GET /v1/search?q=`: ranked hits across articles and quotes.
struct SearchHandler: Sendable {
    let store: ArticleStore

    func search(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let query = try ArticleListRequest.search(request) else {
            throw APIError.invalidQueryParameter(name: "q", reason: "is required.")
        }
        let (limit, after) = try ArticleListRequest.page(request)
        let page = try StoreErrors.translated { try store.search(query, limit: limit, after: after) }
        return try ListResponse.make(page.hits.map(SearchHitJSON.init), next: page.next, for: request)
    }
}

struct SearchHitJSON: Encodable {
    let hit: SearchHit
    enum CodingKeys: String, CodingKey { case type, id, score, snippet }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hit.kind.rawValue, forKey: .type)
        try container.encode(hit.id, forKey: .id)
        try container.encode((hit.score * 1000).rounded() / 1000, forKey: .score)
        try container.encode(hit.snippet, forKey: .snippet)
    }
}
