import BylineHTTP
import BylineStore

/// What can go wrong in a request to the news API, each case one problem type. Handlers
/// throw these; the HTTP layer's `ProblemMapper` turns them into problem+json responses.
public enum APIError: ProblemConvertible, Sendable, Hashable {
    case articleNotFound(id: String)
    case storyNotFound(id: String)
    case quoteNotFound(id: String)
    case entityNotFound(id: String)
    /// A query parameter with a value it cannot have (`limit=0`, `published_from=June`).
    case invalidQueryParameter(name: String, reason: String)
    /// `q` is not a valid full-text query.
    case invalidSearchQuery(reason: String)
    case missingContentType
    case unsupportedMediaType(String)
    /// `POST /v1/articles/batch` takes NDJSON only.
    case unsupportedBatchMediaType(String)
    /// The body cannot be read at all: not UTF-8, not JSON.
    case malformedBody(reason: String)
    /// The body is well-formed but unusable: no text, a hint of the wrong type or value.
    case unprocessable(reason: String)
    case storeUnavailable
    /// The store cannot take writes now (full disk, read-only, I/O error); reads still work.
    case storageUnavailable(StorageFailure)

    /// The media types `POST /v1/articles` accepts, for `Accept-Post` on a 415.
    static let acceptedMediaTypes = "text/plain, text/html, application/json"

    public var problem: Problem {
        switch self {
        case .articleNotFound(let id):
            Problem(status: .notFound, slug: "article-not-found", title: "Article not found",
                    detail: "No article has the ID \(id).")
        case .entityNotFound(let id):
            Problem(status: .notFound, slug: "entity-not-found", title: "Entity not found",
                    detail: "No entity has the ID \(id).")
        case .quoteNotFound(let id):
            Problem(status: .notFound, slug: "quote-not-found", title: "Quote not found",
                    detail: "No quote has the ID \(id).")
        case .storyNotFound(let id):
            Problem(status: .notFound, slug: "story-not-found", title: "Story not found",
                    detail: "No story has the ID \(id).")
        case .invalidQueryParameter(let name, let reason):
            Problem(status: .badRequest, slug: "invalid-query-parameter", title: "Invalid query parameter",
                    detail: "Query parameter `\(name)`: \(reason)")
        case .invalidSearchQuery(let reason):
            Problem(status: .badRequest, slug: "invalid-search-query", title: "Invalid search query",
                    detail: "Query parameter `q` is not a valid full-text query: \(reason).")
        case .missingContentType:
            Problem(status: .unsupportedMediaType, slug: "unsupported-media-type", title: "Content-Type required",
                    detail: "Send the article as text/plain, text/html, or application/json {\"text\": …} or {\"html\": …}.",
                    headers: ["Accept-Post": APIError.acceptedMediaTypes])
        case .unsupportedMediaType(let got):
            Problem(status: .unsupportedMediaType, slug: "unsupported-media-type", title: "Unsupported media type",
                    detail: "Cannot ingest \(got); send text/plain (UTF-8), text/html or application/json.",
                    headers: ["Accept-Post": APIError.acceptedMediaTypes])
        case .unsupportedBatchMediaType(let got):
            Problem(status: .unsupportedMediaType, slug: "unsupported-media-type", title: "Unsupported media type",
                    detail: "Cannot read a batch from \(got); send application/x-ndjson, one JSON article request per line.",
                    headers: ["Accept-Post": "application/x-ndjson"])
        case .malformedBody(let reason):
            Problem(status: .badRequest, slug: "malformed-body", title: "Malformed request body", detail: reason)
        case .unprocessable(let reason):
            Problem(status: .unprocessableContent, slug: "unprocessable-article", title: "Unusable article",
                    detail: reason)
        case .storeUnavailable:
            Problem(status: .serviceUnavailable, slug: "store-unavailable", title: "Store unavailable",
                    detail: "The article store does not answer.", headers: ["Retry-After": "1"])
        case .storageUnavailable(let failure):
            Problem(status: .serviceUnavailable, slug: "storage-unavailable", title: "Storage unavailable",
                    detail: "Nothing was stored: \(failure.explanation). Stored articles can still be read; retry later.",
                    headers: ["Retry-After": "30"])
        }
    }
}
