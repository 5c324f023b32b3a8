import BylineHTTP
import BylineStore

/// `GET /v1/quotes` (filters `speaker`, `q`, `article`, `story`, `outlet`) and
/// `GET /v1/quotes/{id}` with its variants.
struct QuoteHandlers: Sendable {
    let store: ArticleStore

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        var query = QuoteQuery()
        (query.limit, query.after) = try ArticleListRequest.page(request)
        query.speaker = try ArticleListRequest.text(request, "speaker")
        query.search = try ArticleListRequest.search(request)
        query.article = try ArticleListRequest.text(request, "article")
        query.story = try ArticleListRequest.text(request, "story")
        query.outlet = try ArticleListRequest.text(request, "outlet")
        let page = try StoreErrors.translated { try store.quotes(query) }
        return try ListResponse.make(page.quotes.map { QuoteResourceJSON(quote: $0, variants: nil) },
                                     next: page.next, for: request)
    }

    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        guard let quote = try store.quote(id: id) else { throw APIError.quoteNotFound(id: id) }
        return try JSONBody.response(QuoteResourceJSON(quote: quote, variants: try store.variants(of: quote)))
    }
}
