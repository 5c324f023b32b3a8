import CoreMetrics
import BylineConcurrency

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

    let series: SeriesCache
    let clock: @Sendable () -> MonotonicInstant

    public init(factory: any MetricsFactory,
                clock: @escaping @Sendable () -> MonotonicInstant = MonotonicInstant.now) {
        self.series = SeriesCache(factory: factory)
        self.clock = clock
    }

    public func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        let started = clock()
        var status = 500
        defer {
            let elapsed = clock().nanoseconds &- started.nanoseconds
            // HEAD and OPTIONS keep their own method label; anything unknown is folded so
            // a client cannot mint series with made-up methods.
            let method = Self.knownMethods.contains(request.method.description) ? request.method.description : "other"
            let handlers = series.handlers(method: method, route: request.routePattern ?? Self.unmatchedRoute,
                                           status: status)
            handlers.requests.increment(by: 1)
            handlers.duration.recordNanoseconds(Int64(clamping: elapsed))
        }
        let response = try next(request)
        status = response.status.code
        return response
    }

    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// The handlers of each (method, route, status) series, made once. Asking the factory per
    /// request would re-validate names and labels under the registry's lock every time
    /// (about 9,000 instructions a request, measured with callgrind). The set is bounded:
    /// templates × known methods × statuses.
    final class SeriesCache: Sendable {
        struct Key: Hashable {
            var method: String
            var route: String
            var status: Int
        }

        struct Handlers: Sendable {
            var requests: any CounterHandler
            var duration: any TimerHandler
        }

        private let factory: any MetricsFactory
        private let cache = Locked<[Key: Handlers]>([:])

        init(factory: any MetricsFactory) {
            self.factory = factory
        }

        func handlers(method: String, route: String, status: Int) -> Handlers {
            let key = Key(method: method, route: route, status: status)
            return cache.withLock { cache in
                if let known = cache[key] { return known }
                let made = Handlers(
                    requests: factory.makeCounter(label: RequestMetricsMiddleware.requestsLabel,
                                                  dimensions: [("method", method), ("route", route),
                                                               ("status", String(status))]),
                    duration: factory.makeTimer(label: RequestMetricsMiddleware.durationLabel,
                                                dimensions: [("method", method), ("route", route)]))
                cache[key] = made
                return made
            }
        }
    }
}
