import BylineAnalysis
import BylineHTTP
import BylineStore

/// `GET /v1/articles` query parameters, validated into an `ArticleQuery`.
///
/// Parameters the API does not know are ignored.
struct ArticleListRequest {
    let query: ArticleQuery

    static let maximumSearchLength = 1000

    init(_ request: HTTPRequest) throws {
        var query = ArticleQuery()
        (query.limit, query.after) = try ArticleListRequest.page(request)
        if let outlet = request.query("outlet") {
            query.outlet = try ArticleListRequest.nonEmpty(outlet, name: "outlet")
        }
        query.publishedFrom = try ArticleListRequest.date(request, "published_from")
        query.publishedTo = try ArticleListRequest.date(request, "published_to")
        if let from = query.publishedFrom, let to = query.publishedTo, from > to {
            throw APIError.invalidQueryParameter(
                name: "published_from", reason: "\(from) is after published_to \(to).")
        }
        query.story = try ArticleListRequest.text(request, "story")
        query.entity = try ArticleListRequest.text(request, "entity")
        query.speaker = try ArticleListRequest.text(request, "speaker")
        query.search = try ArticleListRequest.search(request)
        self.query = query
    }

    /// A filter's value, trimmed; nil when absent, 400 when empty.
    static func text(_ request: HTTPRequest, _ name: String) throws -> String? {
        try request.query(name).map { try nonEmpty($0, name: name) }
    }

    /// `q`: a full-text query of bounded length.
    static func search(_ request: HTTPRequest) throws -> String? {
        guard let text = try text(request, "q") else { return nil }
        guard text.count <= maximumSearchLength else {
            throw APIError.invalidQueryParameter(name: "q", reason: "is longer than \(maximumSearchLength) characters.")
        }
        return text
    }

    /// `limit` and `cursor`, as every list takes them.
    static func page(_ request: HTTPRequest) throws -> (limit: Int, after: ArticleCursor?) {
        var limit = ArticleQuery.defaultLimit
        if let text = request.query("limit") {
            guard let value = Int(text), ArticleQuery.limits.contains(value) else {
                throw APIError.invalidQueryParameter(
                    name: "limit",
                    reason: "must be an integer from \(ArticleQuery.limits.lowerBound) to \(ArticleQuery.limits.upperBound), got \"\(text)\".")
            }
            limit = value
        }
        var after: ArticleCursor?
        if let token = request.query("cursor") {
            guard let cursor = ArticleCursor(token: token) else {
                throw APIError.invalidQueryParameter(
                    name: "cursor", reason: "is not a cursor this server issued; use `next_cursor` from a previous page.")
            }
            after = cursor
        }
        return (limit, after)
    }

    private static func date(_ request: HTTPRequest, _ name: String) throws -> CalendarDate? {
        guard let value = request.query(name) else { return nil }
        guard let date = CalendarDate(iso: value) else {
            throw APIError.invalidQueryParameter(name: name, reason: "must be a date as YYYY-MM-DD, got \"\(value)\".")
        }
        return date
    }

    private static func nonEmpty(_ value: String, name: String) throws -> String {
        let trimmed = value.trimmingSpaces()
        guard !trimmed.isEmpty else { throw APIError.invalidQueryParameter(name: name, reason: "must not be empty.") }
        return trimmed
    }

    /// The link to the page after `cursor`: the request's own query, as the client wrote it,
    /// with its `cursor` replaced, so filters and limit carry over.
    static func nextPageLink(for request: HTTPRequest, cursor: ArticleCursor) -> String {
        var pairs = request.rawQuery.split(separator: "&", omittingEmptySubsequences: true).filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            return (HTTPRequest.percentDecode(name) ?? String(name)) != "cursor"
        }.map(String.init)
        pairs.append("cursor=\(cursor.token)")
        return "<\(request.path)?\(pairs.joined(separator: "&"))>; rel=\"next\""
    }
}
