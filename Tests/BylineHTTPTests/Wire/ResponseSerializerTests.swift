import Testing
@testable import BylineHTTP

struct ResponseSerializerTests {
    func wire(_ r: HTTPResponse, head: Bool = false, keepAlive: Bool = true) -> String {
        String(decoding: ResponseSerializer.serialize(r, omitBody: head, keepAlive: keepAlive,
                                                      date: "D", requestID: "r-1"), as: UTF8.self)
    }

    @Test func framesWithContentLengthAndAddsServerHeaders() {
        let text = wire(.text("hi"))
        #expect(text == "HTTP/1.1 200 OK\r\nDate: D\r\nServer: byline\r\nX-Request-Id: r-1\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\nhi")
    }

    /// RFC 9110 §8.6: no Content-Length (and no body) in 204 and 304.
    @Test(arguments: [204, 304])
    func noContentLengthWhereForbidden(_ code: Int) {
        let text = wire(HTTPResponse(status: HTTPStatus(code: code), body: Array("x".utf8)))
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func handlerFramingHeadersCannotLeakThrough() {
        var r = HTTPResponse.text("abc")
        r.headers.add("Content-Length", "99")
        r.headers.add("Transfer-Encoding", "chunked")
        let text = wire(r, keepAlive: false)
        #expect(text.contains("Content-Length: 3\r\n"))
        #expect(!text.contains("99") && !text.contains("chunked"))
        #expect(text.contains("Connection: close\r\n"))
    }

    @Test func headKeepsLengthDropsBody() {
        #expect(wire(.text("hello"), head: true).hasSuffix("Content-Length: 5\r\n\r\n"))
    }
}
