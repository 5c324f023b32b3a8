import BylineHTTP
import BylineStore

/// `GET /v1/stories` and `GET /v1/stories/{id}`.
struct StoryHandlers: Sendable {
    let store: ArticleStore

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let (limit, after) = try ArticleListRequest.page(request)
        let page = try StoreErrors.translated { try store.stories(limit: limit, after: after) }
        return try ListResponse.make(page.stories.map(StorySummaryJSON.init), next: page.next, for: request)
    }

    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        guard let story = try store.story(id: id) else { throw APIError.storyNotFound(id: id) }
        return try JSONBody.response(StoryJSON(detail: story))
    }
}
