import BylineHTTP
import BylineStore

/// The shape of every list (API.md "Lists"): `{"data": [...], "next_cursor": "…" | null}`,
/// plus a `Link: <…>; rel="next"` header when another page follows.
enum ListResponse {
    static func make<Item: Encodable>(_ items: [Item], next: ArticleCursor?, for request: HTTPRequest) throws -> HTTPResponse {
        var response = try JSONBody.response(ListJSON(data: items, nextCursor: next?.token))
        if let next {
            response.headers.add("Link", ArticleListRequest.nextPageLink(for: request, cursor: next))
        }
        return response
    }
}

struct ListJSON<Item: Encodable>: Encodable {
    let data: [Item]
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
