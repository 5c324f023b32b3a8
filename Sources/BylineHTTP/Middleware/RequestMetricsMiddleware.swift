import CoreMetrics

/// Counts requests and times them through swift-metrics, labelled by the matched route
/// template (never the raw path: IDs in paths would make every article its own series)
/// and by method and status. Outermost in the chain, so 429s and CORS answers are counted.
///
/// The factory is injected rather than bootstrapped globally, so each server (and test)
/// keeps its own registry.
public struct RequestMetricsMiddleware: HTTPMiddleware {
    public static let requestsLabel = "http_server_requests_total"
    public static let durationLabel = "http_server_request_duration_seconds"
    /// The route label of a request no route matched.
    public static let unmatchedRoute = "unmatched"

    let factory: any MetricsFactory
    let clock: @Sendable () -> MonotonicInstant

    public init(factory: any MetricsFactory,
                clock: @escaping @Sendable () -> MonotonicInstant = MonotonicInstant.now) {
        self.factory = factory
        self.clock = clock
    }

    public func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        let started = clock()
        var status = 500
        defer {
            let elapsed = clock().nanoseconds &- started.nanoseconds
            let route = request.routePattern ?? Self.unmatchedRoute
            // HEAD and OPTIONS keep their own method label; anything unknown is folded so
            // a client cannot mint series with made-up methods.
            let method = Self.knownMethods.contains(request.method.description) ? request.method.description : "other"
            Counter(label: Self.requestsLabel,
                    dimensions: [("method", method), ("route", route), ("status", String(status))],
                    factory: factory).increment()
            Timer(label: Self.durationLabel, dimensions: [("method", method), ("route", route)],
                  factory: factory).recordNanoseconds(Int64(clamping: elapsed))
        }
        let response = try next(request)
        status = response.status.code
        return response
    }

    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
}
