/// Where a route's handler runs.
public enum RouteExecution: Sendable {
    /// On the event loop thread: only for handlers that never block (health, static JSON).
    case eventLoop
    /// On a Dispatch queue, for handlers that may block (storage, analysis).
    case offloaded
}

/// A request handler. Synchronous by design: it runs either inline on the event loop or on
/// a Dispatch queue, as its route's `RouteExecution` says.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// A registered route.
public struct Route: Sendable {
    public let method: HTTPMethod
    public let pattern: String
    public let execution: RouteExecution
    public let handler: HTTPHandler
    let segments: [Segment]

    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }
}

/// The outcome of routing a method and path.
public enum RouteMatch: Sendable {
    case found(Route, parameters: [String: String])
    /// The path exists but not for this method; `allowed` lists what it does allow.
    case methodNotAllowed(allowed: [HTTPMethod])
    case notFound
}

/// Collects routes, then `freeze()`s into an immutable `Router`.
public struct RouterBuilder {
    private var routes: [Route] = []

    public init() {}

    public mutating func on(_ method: HTTPMethod, _ pattern: String,
                            execution: RouteExecution = .offloaded,
                            _ handler: @escaping HTTPHandler) {
        let segments: [Route.Segment] = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
        precondition(!routes.contains { $0.method == method && $0.segments == segments },
                     "route \(method) \(pattern) registered twice")
        routes.append(Route(method: method, pattern: pattern, execution: execution,
                            handler: handler, segments: segments))
    }

    public mutating func get(_ pattern: String, execution: RouteExecution = .offloaded,
                             _ handler: @escaping HTTPHandler) {
        on(.get, pattern, execution: execution, handler)
    }

    public mutating func post(_ pattern: String, execution: RouteExecution = .offloaded,
                              _ handler: @escaping HTTPHandler) {
        on(.post, pattern, execution: execution, handler)
    }

    public mutating func delete(_ pattern: String, execution: RouteExecution = .offloaded,
                                _ handler: @escaping HTTPHandler) {
        on(.delete, pattern, execution: execution, handler)
    }

    public func freeze() -> Router { Router(routes: routes) }
}

/// An immutable routing table: per-method tables so a path known under another method is a
/// 405 with `Allow`, not a 404. HEAD is served by GET routes (RFC 9110 §9.3.2); OPTIONS is
/// answered for every known path (RFC 9110 §9.3.7).
public struct Router: Sendable {
    public let routes: [Route]
    private let byMethod: [HTTPMethod: [Route]]

    init(routes: [Route]) {
        self.routes = routes
        self.byMethod = Dictionary(grouping: routes, by: \.method)
    }

    public func match(_ method: HTTPMethod, path: String) -> RouteMatch {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let lookup: HTTPMethod = method == .head ? .get : method
        if let candidates = byMethod[lookup] {
            for route in candidates {
                if let params = Router.bind(route.segments, to: parts) {
                    return .found(route, parameters: params)
                }
            }
        }
        let allowed = allowedMethods(parts)
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    /// The template of the first route whose segments bind `path`, whatever its method; nil
    /// if none does. Metrics and logs name a request by it, never by the raw path.
    public func pattern(path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.first { Router.bind($0.segments, to: parts) != nil }?.pattern
    }

    /// The methods a path supports, including the implied HEAD and OPTIONS; empty if unknown.
    public func allowedMethods(path: String) -> [HTTPMethod] {
        allowedMethods(path.split(separator: "/", omittingEmptySubsequences: true))
    }

    private func allowedMethods(_ parts: [Substring]) -> [HTTPMethod] {
        var methods: [HTTPMethod] = []
        for route in routes where Router.bind(route.segments, to: parts) != nil {
            if !methods.contains(route.method) { methods.append(route.method) }
        }
        if methods.isEmpty { return [] }
        if methods.contains(.get) && !methods.contains(.head) { methods.append(.head) }
        if !methods.contains(.options) { methods.append(.options) }
        let order: [String] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        return methods.sorted {
            (order.firstIndex(of: $0.description) ?? 99, $0.description)
                < (order.firstIndex(of: $1.description) ?? 99, $1.description)
        }
    }

    private static func bind(_ segments: [Route.Segment], to parts: [Substring]) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var params: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal):
                if literal != part { return nil }
            case .parameter(let name):
                params[name] = String(part)
            }
        }
        return params
    }
}
