/// How the body of a request is delimited (RFC 9112 §6.3).
public enum HTTPBodyFraming: Sendable, Hashable {
    /// No body (no Content-Length, no Transfer-Encoding).
    case none
    /// Exactly this many bytes follow the head.
    case length(Int)
    /// `Transfer-Encoding: chunked`.
    case chunked
}

/// What the incremental parser reports, in order.
public enum HTTPParserEvent: Sendable, Hashable {
    /// A complete, validated request head and how its body is framed.
    case head(HTTPRequestHead, HTTPBodyFraming)
    /// Some body bytes (already de-chunked).
    case body([UInt8])
    /// The end of the current message; the next bytes start a new request.
    case end
}

/// A protocol violation or an exceeded limit. After one, the parser is dead: the server
/// answers once with `Connection: close` and closes (RFC 9112 §11: never resynchronise).
public enum HTTPParseError: Error, Sendable, Hashable {
    /// 400: malformed syntax; the string says what, for the problem `detail`.
    case badRequest(String)
    /// 414: the request line is longer than `ServerLimits.maxRequestLineBytes`.
    case uriTooLong
    /// 431: header section bytes or field count over the limit.
    case headerFieldsTooLarge(String)
    /// 413: declared or received body over `ServerLimits.maxBodyBytes`.
    case contentTooLarge
    /// 501: a transfer coding other than exactly `chunked` (RFC 9112 §6.1).
    case notImplemented(String)
    /// 505: an HTTP-version other than 1.0 or 1.1.
    case versionNotSupported

    public var status: HTTPStatus {
        switch self {
        case .badRequest: .badRequest
        case .uriTooLong: .uriTooLong
        case .headerFieldsTooLarge: .headerFieldsTooLarge
        case .contentTooLarge: .contentTooLarge
        case .notImplemented: .notImplemented
        case .versionNotSupported: .versionNotSupported
        }
    }

    public var detail: String {
        switch self {
        case .badRequest(let why): why
        case .uriTooLong: "The request line is longer than the server accepts."
        case .headerFieldsTooLarge(let why): why
        case .contentTooLarge: "The request body is larger than the server accepts."
        case .notImplemented(let why): why
        case .versionNotSupported: "Only HTTP/1.0 and HTTP/1.1 are supported."
        }
    }
}
