import BylineHTTP
import BylineStore

/// `POST /v1/articles` and the routes of one article.
struct ArticleHandlers: Sendable {
    let store: ArticleStore
    let rendered: RenderedArticleCache

    func create(_ request: HTTPRequest) throws -> HTTPResponse {
        let input = try IngestRequestReader.input(from: request)
        let generation = rendered.generation
        let (article, created) = try StoreErrors.translated { try store.ingest(input) }
        let entry = rendered.store(id: article.id, body: try JSONBody.encode(ArticleJSON(article)),
                                   readAt: generation)
        var response = HTTPResponse.json(entry.body, status: created ? .created : .ok)
        if created {
            response.headers.set("Location", ArticleHandlers.location(of: article.id))
        }
        return response
    }

    func show(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try ArticleHandlers.id(of: request)
        let entry: RenderedArticleCache.Entry
        if let hit = rendered[id] {
            entry = hit
        } else {
            let generation = rendered.generation
            guard let article = try store.article(id: id) else { throw APIError.articleNotFound(id: id) }
            entry = rendered.store(id: id, body: try JSONBody.encode(ArticleJSON(article)), readAt: generation)
        }
        var response = HTTPResponse.json(entry.body)
        response.headers.set("ETag", entry.etag)
        return response
    }

    /// The original bytes, with the media type they came as.
    func raw(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try ArticleHandlers.id(of: request)
        guard let raw = try store.rawContent(id: id) else { throw APIError.articleNotFound(id: id) }
        return HTTPResponse(status: .ok, headers: [
            "Content-Type": raw.contentType,
            // An ingested page is someone else's HTML, scripts and all. Opened in a browser it
            // must not run as this origin (where, open on loopback, it could write): CSP
            // `sandbox` gives it an opaque origin and no scripts (CSP3 §6.3.2), and `nosniff`
            // keeps plain text from being sniffed into HTML (Fetch §X-Content-Type-Options).
            "Content-Security-Policy": "sandbox; default-src 'none'",
            "X-Content-Type-Options": "nosniff",
        ], body: raw.bytes)
    }

    /// The text that spans index.
    func text(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try ArticleHandlers.id(of: request)
        guard let text = try store.text(id: id) else { throw APIError.articleNotFound(id: id) }
        return .text(text)
    }

    func delete(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try ArticleHandlers.id(of: request)
        // The store reports the articles whose JSON the delete changed (the cache drops them).
        guard try StoreErrors.translated({ try store.delete(id: id) }) else { throw APIError.articleNotFound(id: id) }
        return HTTPResponse(status: .noContent)
    }

    static func location(of id: String) -> String {
        "/v1/articles/\(id)"
    }

    private static func id(of request: HTTPRequest) throws -> String {
        // The router only calls these handlers for routes with an `{id}` segment.
        guard let id = request.pathParameters["id"] else { throw APIError.articleNotFound(id: "") }
        return id
    }
}
