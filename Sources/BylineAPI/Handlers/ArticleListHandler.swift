import BylineHTTP
import BylineStore

/// `GET /v1/articles`: summaries in ingestion order, a page at a time.
struct ArticleListHandler: Sendable {
    let store: ArticleStore

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let listRequest = try ArticleListRequest(request)
        let page = try StoreErrors.translated { try store.list(listRequest.query) }
        return try ListResponse.make(page.articles.map(ArticleSummaryJSON.init), next: page.next, for: request)
    }
}
