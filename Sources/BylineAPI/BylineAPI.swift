import BylineHTTP
import BylineStore

/// The news API's routes (API.md), mapping HTTP requests to the article store.
///
/// Handlers only do what is specific to each resource; conditional GET, compression,
/// request IDs, HEAD, OPTIONS, 404/405 and access logs belong to the HTTP layer, and thrown
/// `APIError`s become problem+json there.
public struct BylineAPI: Sendable {
    public let store: ArticleStore
    public let version: String
    /// Bound of the rendered-article cache, in body bytes; 0 disables it.
    public let articleCacheBytes: Int
    /// Bound of the read-response cache (article, story and quote lists, story detail,
    /// search; dropped on every write), in body bytes; 0 disables it. Default 32 MiB.
    public let readCacheBytes: Int
    /// The registry `GET /metrics` serves; ingest counts and durations are recorded in it.
    public let metrics: ServiceMetrics

    public init(store: ArticleStore, version: String, articleCacheBytes: Int = 32 * 1024 * 1024,
                readCacheBytes: Int = 32 * 1024 * 1024, metrics: ServiceMetrics = ServiceMetrics()) {
        self.store = store
        self.version = version
        self.articleCacheBytes = articleCacheBytes
        self.readCacheBytes = readCacheBytes
        self.metrics = metrics
    }

    public func register(into router: inout RouterBuilder) {
        let service: ServiceHandlers
        do {
            service = try ServiceHandlers(store: store, version: version)
        } catch {
            // Encoding three fixed structs cannot fail; if it did, nothing could be served.
            preconditionFailure("cannot encode the service documents: \(error)")
        }
        let rendered = RenderedArticleCache(maxBytes: articleCacheBytes)
        // Writes change other articles' JSON too (stories merge, quote groups form).
        store.observeChanges { ids in rendered.remove(ids: ids) }
        let articles = ArticleHandlers(store: store, rendered: rendered)
        let list = ArticleListHandler(store: store)
        let batch = BatchIngestHandler(store: store, metrics: metrics)
        store.observeCommits { [metrics] articles, duration in metrics.recordCommit(articles: articles, duration: duration) }
        let stories = StoryHandlers(store: store)
        let quotes = QuoteHandlers(store: store)
        let entities = EntityHandlers(store: store)
        let search = SearchHandler(store: store)
        let scrape = MetricsHandler(metrics: metrics)
        let metrics = self.metrics
        let reads = ReadResponseCache(store: store, maxBytes: readCacheBytes)

        // Fixed answers that never block: served on the event loop.
        router.get("/", execution: .eventLoop) { service.index($0) }
        router.get("/healthz", execution: .eventLoop) { service.health($0) }
        router.get("/openapi.json", execution: .eventLoop) { service.openAPI($0) }
        // In-memory figures and two stat(2) calls: answered even when the handler queue is busy.
        router.get("/metrics", execution: .eventLoop) { scrape.scrape($0) }
        // Everything that touches the store is offloaded.
        router.get("/readyz") { try service.ready($0) }
        router.post("/v1/articles") { request in try metrics.ingest { try articles.create(request) } }
        router.post(BatchIngestHandler.path) { try batch.create($0) }
        router.get("/v1/articles") { try reads.response(to: $0, render: list.list) }
        router.get("/v1/articles/{id}") { try articles.show($0) }
        router.get("/v1/articles/{id}/raw") { try articles.raw($0) }
        router.get("/v1/articles/{id}/text") { try articles.text($0) }
        router.delete("/v1/articles/{id}") { try articles.delete($0) }
        router.get("/v1/search") { try reads.response(to: $0, render: search.search) }
        router.get("/v1/entities") { try entities.list($0) }
        router.get("/v1/entities/{id}") { try entities.show($0) }
        router.get("/v1/quotes") { try reads.response(to: $0, render: quotes.list) }
        router.get("/v1/quotes/{id}") { try quotes.show($0) }
        router.get("/v1/stories") { try reads.response(to: $0, render: stories.list) }
        router.get("/v1/stories/{id}") { try reads.response(to: $0, render: stories.show) }
    }
}
