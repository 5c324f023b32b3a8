/// A response as handlers build it. The body is complete in memory and the serializer frames
/// it with `Content-Length` (RFC 9112 §6.2), or it is a `ResponseBodyStream` sent chunked.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// When set, the body is produced while it is sent (and `body` is ignored).
    public var bodyStream: ResponseBodyStream?

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body `stream` produces while it is sent.
    public static func streaming(status: HTTPStatus = .ok, headers: HTTPHeaders,
                                 _ stream: ResponseBodyStream) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers)
        response.bodyStream = stream
        return response
    }

    /// A JSON response from already-encoded UTF-8 bytes.
    public static func json(_ body: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    /// A plain-text response.
    public static func text(_ text: String, status: HTTPStatus = .ok,
                            contentType: String = "text/plain; charset=utf-8") -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }
}
