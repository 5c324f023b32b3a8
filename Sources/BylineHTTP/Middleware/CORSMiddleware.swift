import Logging

/// Answers the CORS protocol of the Fetch standard (§3.2) around the router.
///
/// - A CORS-preflight request (`OPTIONS` with `Origin` and `Access-Control-Request-Method`)
///   gets the router's own OPTIONS answer (204 with `Allow`, RFC 9110 §9.3.7), plus
///   `Access-Control-Allow-Origin`, `-Allow-Methods` (that path's methods, from the
///   router's table), `-Allow-Headers` and `-Max-Age` — when the origin, the method and the
///   requested headers are all allowed. Otherwise it gets no CORS headers, which is how a
///   preflight fails (Fetch §4.8, "CORS-preflight fetch").
/// - Any other request from an allowed origin gets `Access-Control-Allow-Origin` and
///   `Access-Control-Expose-Headers`, errors and 429s included, so a page can read them.
/// - With a list of origins, every response says `Vary: Origin` (Fetch §3.2.5, "CORS
///   protocol and HTTP caches"): the answer depends on it.
public struct CORSMiddleware: HTTPMiddleware {
    let policy: CORSPolicy
    let logger: Logger

    public init(policy: CORSPolicy, logger: Logger = Logger(label: "byline.http")) {
        self.policy = policy
        self.logger = logger
    }

    public func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        var response = try next(request)
        if case .none = policy.origins { return response }
        if case .list = policy.origins { response.headers.add("Vary", "Origin") }
        guard let origin = request.headers["Origin"] else { return response }
        guard policy.allows(origin: origin) else {
            refused(request, origin: origin, reason: "origin not allowed")
            return response
        }
        let allowOrigin = policy.origins == .any ? "*" : origin
        let requestedMethod = request.headers["Access-Control-Request-Method"]
        guard request.method == .options, let requestedMethod else {
            response.headers.set("Access-Control-Allow-Origin", allowOrigin)
            response.headers.set("Access-Control-Expose-Headers", policy.exposedHeaders.joined(separator: ", "))
            return response
        }
        // A preflight: the router answered OPTIONS for a known path with 204 and `Allow`.
        guard response.status == .noContent, let allow = response.headers["Allow"] else { return response }
        let methods = allow.split(separator: ",").map { $0.trimmingASCIIWhitespace() }
        // Methods are case-sensitive (RFC 9110 §9.1).
        guard methods.contains(where: { $0 == requestedMethod.trimmingASCIIWhitespace() }) else {
            refused(request, origin: origin, reason: "method not allowed")
            return response
        }
        guard policy.allows(requestHeaders: request.headers["Access-Control-Request-Headers"]) else {
            refused(request, origin: origin, reason: "request headers not allowed")
            return response
        }
        response.headers.set("Access-Control-Allow-Origin", allowOrigin)
        response.headers.set("Access-Control-Allow-Methods", methods.joined(separator: ", "))
        response.headers.set("Access-Control-Allow-Headers", policy.allowedHeaders.joined(separator: ", "))
        response.headers.set("Access-Control-Max-Age", String(policy.maxAgeSeconds))
        return response
    }

    private func refused(_ request: HTTPRequest, origin: String, reason: String) {
        logger.info("cors refused", metadata: [
            "request_id": .string(request.requestID),
            "origin": .string(origin),
            "reason": .string(reason),
        ])
    }
}
