import BylineHTTP
import BylineStore

/// `GET /v1/stories` and `GET /v1/stories/{id}`.
struct StoryHandlers: Sendable {
    let store: ArticleStore

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let (limit, after) = try ArticleListRequest.page(request)
        let page = try StoreErrors.translated { try store.stories(limit: limit, after: after) }
        var response = try JSONBody.response(StoryListJSON(data: page.stories.map(StorySummaryJSON.init),
                                                           nextCursor: page.next?.token))
        if let next = page.next {
            response.headers.add("Link", ArticleListRequest.nextPageLink(for: request, cursor: next))
        }
        return response
    }

    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        guard let story = try store.story(id: id) else { throw APIError.storyNotFound(id: id) }
        return try JSONBody.response(StoryJSON(detail: story))
    }
}
