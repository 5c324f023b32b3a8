import BylineHTTP

/// `GET /metrics`: the Prometheus text exposition format (version 0.0.4).
///
/// Public like every other read: it shows aggregate counts per route template and status,
/// sizes and latencies — no paths, IDs, keys or addresses. Deployments that want it private
/// keep it off their public proxy; health and metrics are exempt from rate limits.
struct MetricsHandler: Sendable {
    let metrics: ServiceMetrics

    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    func scrape(_ request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": Self.contentType, "Cache-Control": "no-store"],
                     body: metrics.exposition())
    }
}
