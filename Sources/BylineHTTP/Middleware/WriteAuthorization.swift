/// Who may write (POST, PUT, PATCH, DELETE): reads are public.
///
/// - With API keys configured, a write needs `Authorization: Bearer <key>` whose SHA-256 is
///   one of the configured hashes (RFC 6750); otherwise 401 with `WWW-Authenticate`.
/// - With none, writes are open only when the server listens on loopback (the local default);
///   bound to any other address they are refused with 403, so a server exposed by mistake
///   cannot be written to by anyone who reaches it.
public struct WriteAuthorization: HTTPMiddleware {
    public enum Mode: Sendable, Equatable {
        case keys(APIKeys)
        case openOnLoopback
        case closed
    }

    public let mode: Mode

    /// - Parameters:
    ///   - keyHashes: hex SHA-256 digests of the accepted keys (never the keys themselves).
    ///   - loopbackOnly: whether the server listens on a loopback address only.
    public init(keyHashes: [String], loopbackOnly: Bool) {
        self.init(keys: APIKeys(hashes: keyHashes), loopbackOnly: loopbackOnly)
    }

    public init(keys: APIKeys, loopbackOnly: Bool) {
        if !keys.isEmpty {
            mode = .keys(keys)
        } else {
            mode = loopbackOnly ? .openOnLoopback : .closed
        }
    }

    public func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        switch request.method {
        case .get, .head, .options: return try next(request)
        default: break
        }
        switch mode {
        case .openOnLoopback:
            return try next(request)
        case .closed:
            throw Problem(status: .forbidden, slug: "writes-disabled",
                          detail: "Writes are disabled: the server listens beyond loopback and no API key is configured.")
        case .keys(let keys):
            guard let authorization = request.headers["Authorization"],
                  APIKeys.bearerToken(authorization) != nil else {
                throw WriteAuthorization.unauthorized("A write needs an API key: Authorization: Bearer <key>.")
            }
            guard keys.identity(authorization: authorization) != nil else {
                throw WriteAuthorization.unauthorized("The API key is not valid.")
            }
            return try next(request)
        }
    }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(status: .unauthorized, slug: "unauthorized", detail: detail,
                headers: ["WWW-Authenticate": "Bearer realm=\"byline\""])
    }

    /// Whether `host` names only loopback (`127.0.0.0/8`, `::1`, `localhost`).
    public static func isLoopback(host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
