import Logging

/// Rate limits per API key and per client address, with token buckets (`RateLimiter`).
///
/// A request presenting a valid API key is charged to that key; any other (no key, or a
/// wrong one, so guessing keys is throttled too) to its address. Over the limit: 429 with
/// `Retry-After` (RFC 6585 §4, RFC 9110 §10.2.3). Every charged response carries
/// `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers-08 §3, §4).
/// Behind a reverse proxy, the address is the client's as `TrustedProxies` reads it.
/// Health checks and metrics are exempt: an orchestrator or a scraper must never be
/// refused because the clients it watches are busy. So are CORS preflights (Fetch §3.2.2):
/// a browser sends them on its own before a page's request, answers come from the routing
/// table alone, and the request they announce is charged when it comes.
public struct RateLimitMiddleware: HTTPMiddleware {
    public static let defaultExemptPaths: Set<String> = ["/healthz", "/readyz", "/metrics"]

    let limiter: RateLimiter
    let keys: APIKeys
    let exemptPaths: Set<String>
    /// Proxies whose `X-Forwarded-For` names the client an address bucket is for.
    let trustedProxies: TrustedProxies
    let logger: Logger

    public init(limiter: RateLimiter, keys: APIKeys,
                exemptPaths: Set<String> = RateLimitMiddleware.defaultExemptPaths,
                trustedProxies: TrustedProxies = .none,
                logger: Logger = Logger(label: "byline.http")) {
        self.limiter = limiter
        self.keys = keys
        self.exemptPaths = exemptPaths
        self.trustedProxies = trustedProxies
        self.logger = logger
    }

    public func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        if exemptPaths.contains(request.path) || Self.isPreflight(request) { return try next(request) }
        let client = self.client(of: request)
        let decision = limiter.take(client)
        guard decision.allowed else {
            // The request id and the client class only: a key's identity is never logged.
            logger.notice("rate limited", metadata: [
                "request_id": .string(request.requestID),
                "client": .string(client.isKeyed ? "api_key" : "address"),
                "policy": .string(decision.policy.name),
                "retry_after_s": .stringConvertible(decision.retryAfterSeconds),
            ])
            throw Problem(status: .tooManyRequests, slug: "rate-limited",
                          detail: "Too many requests; retry after \(decision.retryAfterSeconds) s.",
                          headers: Self.headers(for: decision))
        }
        var response = try next(request)
        for field in Self.headers(for: decision) { response.headers.set(field.name, field.value) }
        return response
    }

    static func isPreflight(_ request: HTTPRequest) -> Bool {
        request.method == .options && request.headers.contains("Origin")
            && request.headers.contains("Access-Control-Request-Method")
    }

    func client(of request: HTTPRequest) -> RateLimitClient {
        if !keys.isEmpty, let identity = keys.identity(authorization: request.headers["Authorization"]) {
            return .key(identity)
        }
        let peer = ClientAddress.hostPart(request.remoteAddress)
        let client = trustedProxies.isEmpty ? peer
            : trustedProxies.clientAddress(peerHost: peer, forwardedFor: request.headers.values("X-Forwarded-For"))
        return .address(ClientAddress.bucketKey(host: client))
    }

    static func headers(for decision: RateLimitDecision) -> HTTPHeaders {
        var headers: HTTPHeaders = [
            "RateLimit-Policy": decision.policy.policyField,
            "RateLimit": decision.rateLimitField,
        ]
        if !decision.allowed { headers.set("Retry-After", String(decision.retryAfterSeconds)) }
        return headers
    }
}

extension RateLimitClient {
    var isKeyed: Bool {
        if case .key = self { return true }
        return false
    }
}
