/// Turns a response into wire bytes (RFC 9112 §4–6): status line, the server's own headers,
/// the handler's headers and the body, framed by `Content-Length`. One contiguous buffer, so
/// the event loop can hand head and body to the kernel in a single write.
public enum ResponseSerializer {
    /// - Parameters:
    ///   - omitBody: true for HEAD requests (RFC 9110 §9.3.2: same headers, no content).
    ///   - keepAlive: false adds `Connection: close` (RFC 9112 §9.6).
    ///   - http10KeepAlive: an HTTP/1.0 client that asked for keep-alive gets it echoed.
    ///   - chunked: the head of a streamed body: `Transfer-Encoding: chunked` instead of a
    ///     length, and no body (the chunks follow). A streamed body to an HTTP/1.0 client
    ///     passes `chunked: false, keepAlive: false, closeDelimited: true`: no framing header.
    public static func serialize(_ response: HTTPResponse, omitBody: Bool, keepAlive: Bool,
                                 http10KeepAlive: Bool = false, date: String,
                                 requestID: String, serverName: String = "byline",
                                 chunked: Bool = false, closeDelimited: Bool = false) -> [UInt8] {
        let code = response.status.code
        // RFC 9110 §8.6: no Content-Length in 1xx and 204; a 304 carries none of its own body.
        let bodyForbidden = code < 200 || code == 204 || code == 304
        var head = "HTTP/1.1 \(code) \(response.status.reason)\r\n"
        head += "Date: \(date)\r\nServer: \(serverName)\r\n"
        if !requestID.isEmpty { head += "X-Request-Id: \(requestID)\r\n" }
        for field in response.headers.fields {
            if field.name.equalsIgnoringASCIICase("Content-Length")
                || field.name.equalsIgnoringASCIICase("Connection")
                || field.name.equalsIgnoringASCIICase("Transfer-Encoding") { continue }
            head += "\(field.name): \(field.value)\r\n"
        }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if http10KeepAlive {
            head += "Connection: keep-alive\r\n"
        }
        if chunked {
            head += "Transfer-Encoding: chunked\r\n"
        } else if !bodyForbidden && !closeDelimited {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !omitBody && !bodyForbidden && !chunked && !closeDelimited {
            bytes.append(contentsOf: response.body)
        }
        return bytes
    }

    /// The interim response sent for `Expect: 100-continue` (RFC 9110 §10.1.1).
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
