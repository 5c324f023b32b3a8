import Prometheus
import Testing
@testable import BylineHTTP

/// Requests are counted and timed by route template, method and status — never by path.
struct RequestMetricsMiddlewareTests {
    let registry = PrometheusCollectorRegistry()
    let clock = FakeClock()

    func application() -> HTTPApplication {
        var router = RouterBuilder()
        router.get("/articles/{id}") { request in
            if request.pathParameters["id"] == "missing" { throw HTTPError.notFound(path: request.path) }
            return .text("article")
        }
        router.post("/articles") { _ in HTTPResponse(status: .created) }
        let clock = self.clock
        // The "handler" takes 30 ms of fake time.
        let slow = SlowMiddleware { clock.advance(milliseconds: 30) }
        return HTTPApplication(router: router.freeze(),
                               middleware: [RequestMetricsMiddleware(factory: PrometheusMetricsFactory(registry: registry),
                                                                     clock: clock.read), slow])
    }

    struct SlowMiddleware: HTTPMiddleware {
        let work: @Sendable () -> Void
        func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
            work()
            return try next(request)
        }
    }

    func send(_ app: HTTPApplication, _ method: HTTPMethod, _ target: String) {
        _ = app.respond(to: HTTPRequest(head: HTTPRequestHead(method: method, target: target, version: .http1_1, headers: [:])))
    }

    @Test func countsByTemplateMethodAndStatus() {
        let app = application()
        send(app, .get, "/articles/a1")
        send(app, .get, "/articles/b2")
        send(app, .get, "/articles/missing")
        send(app, .delete, "/articles/a1")
        send(app, .get, "/secret/path/123")
        let text = registry.emitToString()
        #expect(text.contains(#"http_server_requests_total{method="GET",route="/articles/{id}",status="200"} 2"#))
        #expect(text.contains(#"http_server_requests_total{method="GET",route="/articles/{id}",status="404"} 1"#))
        #expect(text.contains(#"http_server_requests_total{method="DELETE",route="/articles/{id}",status="405"} 1"#))
        #expect(text.contains(#"http_server_requests_total{method="GET",route="unmatched",status="404"} 1"#))
        #expect(!text.contains("a1") && !text.contains("secret"))
    }

    @Test func latencyIsAHistogramPerTemplate() {
        let app = application()
        send(app, .post, "/articles")
        let text = registry.emitToString()
        #expect(text.contains("# TYPE http_server_request_duration_seconds histogram"))
        #expect(text.contains(#"http_server_request_duration_seconds_count{method="POST",route="/articles"} 1"#))
        // 30 ms lands above the 25 ms bound and within 50 ms (swift-prometheus' default buckets).
        #expect(text.contains(#"http_server_request_duration_seconds_bucket{method="POST",route="/articles",le="0.025"} 0"#))
        #expect(text.contains(#"http_server_request_duration_seconds_bucket{method="POST",route="/articles",le="0.05"} 1"#))
    }

    @Test func madeUpMethodsShareOneLabel() {
        let app = application()
        send(app, .other("BREW"), "/articles")
        #expect(registry.emitToString().contains(#"method="other",route="/articles",status="405""#))
    }
}
