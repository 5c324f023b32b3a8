import BylineHTTP
import BylineStore

/// `GET /`, `GET /healthz`, `GET /readyz`.
struct ServiceHandlers: Sendable {
    let store: ArticleStore
    /// Encoded once: these answers never change while the process runs, and the first two
    /// run on the event loop, where nothing should take longer than it must.
    let indexBody: [UInt8]
    let healthBody: [UInt8]
    let readyBody: [UInt8]
    let openAPIBody: [UInt8]

    init(store: ArticleStore, version: String) throws {
        self.store = store
        indexBody = try JSONBody.encode(IndexJSON(
            name: "Byline", version: version,
            links: .init(articles: "/v1/articles", stories: "/v1/stories", healthz: "/healthz", readyz: "/readyz", openapi: "/openapi.json")))
        healthBody = try JSONBody.encode(StatusJSON(status: "ok"))
        readyBody = try JSONBody.encode(StatusJSON(status: "ready"))
        openAPIBody = Array(OpenAPIDocument.json(version: version).utf8)
    }

    func openAPI(_ request: HTTPRequest) -> HTTPResponse {
        .json(openAPIBody)
    }

    func index(_ request: HTTPRequest) -> HTTPResponse {
        .json(indexBody)
    }

    /// Liveness: the process answers. Says nothing about the store, so a slow disk does not
    /// get a healthy process restarted.
    func health(_ request: HTTPRequest) -> HTTPResponse {
        .json(healthBody)
    }

    /// Readiness: the store answers a query.
    func ready(_ request: HTTPRequest) throws -> HTTPResponse {
        guard store.isReachable() else { throw APIError.storeUnavailable }
        return .json(readyBody)
    }
}
