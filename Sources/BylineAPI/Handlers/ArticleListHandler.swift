import BylineHTTP
import BylineStore

/// `GET /v1/articles`: summaries in ingestion order, a page at a time.
struct ArticleListHandler: Sendable {
    let store: ArticleStore

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let listRequest = try ArticleListRequest(request)
        let page = try StoreErrors.translated { try store.list(listRequest.query) }
        var response = try JSONBody.response(ArticleListJSON(
            data: page.articles.map(ArticleSummaryJSON.init), nextCursor: page.next?.token))
        if let next = page.next {
            response.headers.add("Link", ArticleListRequest.nextPageLink(for: request, cursor: next))
        }
        return response
    }
}
