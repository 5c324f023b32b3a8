import BylineAnalysis
import BylineHTTP
import BylineStore

/// `GET /v1/entities` (filters `type`, `q` as a name or alias prefix) and
/// `GET /v1/entities/{id}`.
struct EntityHandlers: Sendable {
    let store: ArticleStore

    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let (limit, after) = try ArticleListRequest.page(request)
        var type: EntityType?
        if let value = request.query("type") {
            guard let parsed = EntityType(rawValue: value) else {
                throw APIError.invalidQueryParameter(name: "type", reason: "must be person, organization or location.")
            }
            type = parsed
        }
        let prefix = try ArticleListRequest.text(request, "q")
        let page = try StoreErrors.translated { try store.entities(type: type, prefix: prefix, limit: limit, after: after) }
        return try ListResponse.make(page.entities.map(EntitySummaryJSON.init), next: page.next, for: request)
    }

    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        guard let entity = try store.entity(id: id) else { throw APIError.entityNotFound(id: id) }
        return try JSONBody.response(EntityDetailJSON(detail: entity))
    }
}
