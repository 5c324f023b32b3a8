import BylineAPI
import BylineHTTP
import BylineStore
import Logging
import Testing

/// The registry is reached from the server it observes (through the `/metrics` route), so
/// what it keeps of the server decides whether a stopped server, its store and the store's
/// SQLite connections are ever freed.
@Suite struct ServiceMetricsLifetimeTests {
    @Test("a server whose open connections its own registry reports is freed with its store")
    func observedServerIsFreed() throws {
        weak var store: ArticleStore?
        weak var server: HTTPServer?
        weak var metrics: ServiceMetrics?
        // Built as `byline serve` builds it, in a scope of its own so that the only
        // references left afterwards are the ones the objects hold to each other.
        try {
            let articles = try ArticleStore.inMemory()
            let registry = ServiceMetrics()
            var router = RouterBuilder()
            BylineAPI(store: articles, version: "test", metrics: registry).register(into: &router)
            let observed = HTTPServer(configuration: HTTPServer.Configuration(),
                                      responder: HTTPApplication(router: router.freeze(), logger: Logger(label: "t")),
                                      logger: Logger(label: "t"))
            registry.observeOpenConnections(of: observed)
            store = articles
            server = observed
            metrics = registry
        }()
        #expect(server == nil)
        #expect(store == nil)
        #expect(metrics == nil)
    }
}
