import Logging

/// The responder the server runs: a frozen router behind a middleware chain. Routing errors
/// (404, 405) and handler errors become problem responses here, through `ProblemMapper`.
public struct HTTPApplication: HTTPResponder {
    public let router: Router
    public let middleware: [any HTTPMiddleware]
    private let logger: Logger

    /// - Parameter middleware: outermost first. Errors thrown anywhere become problems before
    ///   the response travels back out through the chain.
    public init(router: Router, middleware: [any HTTPMiddleware] = HTTPApplication.standardMiddleware(),
                logger: Logger = Logger(label: "byline.http")) {
        self.router = router
        self.middleware = middleware
        self.logger = logger
    }

    /// Conditional GET and gzip, the representation concerns every JSON GET shares.
    public static func standardMiddleware(compression: CompressionPolicy = CompressionPolicy()) -> [any HTTPMiddleware] {
        [RepresentationMiddleware(compression: compression)]
    }

    public func execution(for request: HTTPRequest) -> RouteExecution {
        if case .found(let route, _) = router.match(request.method, path: request.path) {
            return route.execution
        }
        return .eventLoop  // 404, 405 and OPTIONS are answered from the routing table alone
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        // Routing happens once, before the middleware, so every middleware sees the matched
        // template (`routePattern`) — metrics label by it, never by the raw path.
        var request = request
        let match = router.match(request.method, path: request.path)
        switch match {
        case .found(let route, let parameters):
            request.pathParameters = parameters
            request.routePattern = route.pattern
        case .methodNotAllowed, .notFound:
            request.routePattern = router.pattern(path: request.path)
        }
        // Each layer's `next` returns a response, never an error: what a layer throws becomes
        // its problem response there, so the layers outside it (CORS, metrics) see the status.
        let chain = middleware.reversed().reduce({ (request: HTTPRequest) -> HTTPResponse in
            self.route(request, match: match)
        }) { next, middleware in
            { request in
                do {
                    return try middleware.respond(to: request, next: next)
                } catch {
                    return self.problemResponse(for: error, request: request)
                }
            }
        }
        return chain(request)
    }

    private func route(_ request: HTTPRequest, match: RouteMatch) -> HTTPResponse {
        if request.method == .options {
            return options(request)
        }
        switch match {
        case .found(let route, _):
            do {
                return try route.handler(request)
            } catch {
                return problemResponse(for: error, request: request)
            }
        case .methodNotAllowed(let allowed):
            return problemResponse(for: HTTPError.methodNotAllowed(allowed: allowed), request: request)
        case .notFound:
            return problemResponse(for: HTTPError.notFound(path: request.path), request: request)
        }
    }

    /// RFC 9110 §9.3.7: OPTIONS on a known path answers its methods in `Allow`;
    /// `OPTIONS *` answers for the server as a whole.
    private func options(_ request: HTTPRequest) -> HTTPResponse {
        if request.head.target == "*" {
            return HTTPResponse(status: .noContent, headers: ["Allow": "GET, HEAD, POST, DELETE, OPTIONS"])
        }
        let allowed = router.allowedMethods(path: request.path)
        if allowed.isEmpty {
            return problemResponse(for: HTTPError.notFound(path: request.path), request: request)
        }
        return HTTPResponse(status: .noContent,
                            headers: ["Allow": allowed.map(\.description).joined(separator: ", ")])
    }

    private func problemResponse(for error: any Error, request: HTTPRequest) -> HTTPResponse {
        let problem = ProblemMapper.problem(for: error)
        if problem.status.code >= 500 {
            // The client sees a generic problem; the cause goes to our log only.
            logger.error("handler failed", metadata: [
                "request_id": .string(request.requestID),
                "path": .string(request.path),
                "error": .string(String(describing: error)),
            ])
        }
        return ProblemMapper.response(for: problem, instance: request.path)
    }
}
