import Testing
import BylineHTTP

@Suite struct StrictResponseParserTests {
    static func parse(_ text: String, methods: [HTTPMethod] = [.get]) throws(ResponseViolation) -> [ParsedResponse] {
        var parser = StrictResponseParser(requestMethods: methods)
        let responses = try parser.parse(text)
        try parser.finish()
        return responses
    }

    @Test func contentLengthResponse() throws {
        let responses = try Self.parse("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
        #expect(responses.count == 1)
        #expect(responses[0].status == 200)
        #expect(responses[0].reason == "OK")
        #expect(responses[0].framing == .contentLength(5))
        #expect(responses[0].bodyText == "hello")
        #expect(responses[0].headers["content-type"] == "text/plain")
    }

    @Test func chunkedResponseWithTrailers() throws {
        let responses = try Self.parse(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nT: v\r\n\r\n")
        #expect(responses.first?.framing == .chunked)
        #expect(responses.first?.bodyText == "hello world")
        #expect(responses.first?.trailers["T"] == "v")
    }

    @Test(arguments: [
        ("HTTP/1.1 204 No Content\r\n\r\n", HTTPMethod.delete),
        ("HTTP/1.1 304 Not Modified\r\nContent-Length: 42\r\n\r\n", .get),
        ("HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n", .head),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", .head),
        ("HTTP/1.1 404 Not Found\r\n\r\n", .head),
    ])
    func responsesWithoutBody(_ text: String, _ method: HTTPMethod) throws {
        let responses = try Self.parse(text, methods: [method])
        #expect(responses.count == 1)
        #expect(responses[0].framing == .none)
        #expect(responses[0].body.isEmpty)
    }

    @Test func emptyReasonPhraseIsAllowed() throws {
        #expect(try Self.parse("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n").first?.reason == "")
    }

    @Test func interimResponsesPrecedeTheFinalOne() throws {
        let responses = try Self.parse(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", methods: [.post])
        #expect(responses.map(\.status) == [100, 201])
        #expect(responses.map(\.isInterim) == [true, false])
    }

    @Test func pipelinedResponsesInAnySplit() throws {
        let stream = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
            + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n"
            + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        let methods: [HTTPMethod] = [.get, .head, .post, .get]
        let whole = try Self.parse(stream, methods: methods)
        #expect(whole.map(\.status) == [200, 200, 200, 404])
        #expect(whole.map(\.bodyText) == ["abc", "", "z", ""])
        #expect(whole.map(\.requestMethod) == methods)

        var parser = StrictResponseParser(requestMethods: methods)
        var byteByByte: [ParsedResponse] = []
        for byte in stream.utf8 { byteByByte += try parser.parse([byte]) }
        try parser.finish()
        #expect(byteByByte == whole)
        #expect(parser.pendingRequests.isEmpty)
    }

    static let violations: [(text: String, methods: [HTTPMethod], reason: String)] = [
        ("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", [.get], "status line must start with"),
        ("http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", [.get], "status line must start with"),
        ("\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", [.get], "status line must start with"),
        ("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", [.get], "status line must start with"),
        ("HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n", [.get], "3-digit status"),
        ("HTTP/1.1 200OK\r\nContent-Length: 0\r\n\r\n", [.get], "3-digit status"),
        ("HTTP/1.1 600 Nope\r\nContent-Length: 0\r\n\r\n", [.get], "3-digit status"),
        ("HTTP/1.1 200 O\u{1}K\r\nContent-Length: 0\r\n\r\n", [.get], "reason phrase"),
        ("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n", [.get], "bare LF"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\n", [.get], "bare LF"),
        ("HTTP/1.1 200 OK\r\nX: a\rb\r\nContent-Length: 0\r\n\r\n", [.get], "bare CR"),
        ("HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n", [.get], "obs-fold"),
        ("HTTP/1.1 200 OK\r\nX : a\r\nContent-Length: 0\r\n\r\n", [.get], "invalid field name"),
        ("HTTP/1.1 200 OK\r\nX\r\nContent-Length: 0\r\n\r\n", [.get], "without colon"),
        ("HTTP/1.1 200 OK\r\nX: a\u{0}b\r\nContent-Length: 0\r\n\r\n", [.get], "control character in the value"),
        ("HTTP/1.1 200 OK\r\n\r\nclose-delimited", [.get], "without Content-Length or chunked"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [.get], "Content-Length with Transfer-Encoding"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", [.get], "more than one Content-Length"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 1, 1\r\n\r\nx", [.get], "invalid Content-Length"),
        ("HTTP/1.1 200 OK\r\nContent-Length: +1\r\n\r\nx", [.get], "invalid Content-Length"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", [.get], "other than chunked"),
        ("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n", [.delete], "a 204 response with Content-Length"),
        ("HTTP/1.1 100 Continue\r\nContent-Length: 0\r\n\r\n", [.post], "a 100 response with Content-Length"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n", [.get], "chunk data not followed by CRLF"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n", [.get], "invalid chunk-size line"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n", [.get], "invalid chunk-size line"),
        // Body longer than declared: the extra bytes are no status line.
        ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabc", [.get], "status line must start with"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabcHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", [.get, .get], "status line must start with"),
        // Body shorter than declared: truncated at end of stream.
        ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", [.get], "stream ends inside a response"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", [.get], "no request left"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\nHTTP/1.1 200 OK\r\n", [.get, .get], "after a response with Connection: close"),
    ]

    @Test(arguments: violations)
    func violationsAreCaught(_ text: String, _ methods: [HTTPMethod], _ reason: String) {
        let violation = #expect(throws: ResponseViolation.self) { try Self.parse(text, methods: methods) }
        #expect(violation?.reason.contains(reason) == true, "\(String(describing: violation))")
    }

    @Test func dateIsRequiredWhenAsked() throws {
        var parser = StrictResponseParser(requestMethods: [.get, .get])
        parser.requireDate = true
        _ = try parser.parse("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\n\r\n")
        #expect(throws: ResponseViolation.self) {
            try parser.parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        }
    }

    @Test func violationOffsetPointsIntoTheStream() {
        var parser = StrictResponseParser(requestMethods: [.get, .get])
        let first = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
        let violation = #expect(throws: ResponseViolation.self) {
            try parser.parse(first + "HTTP/1.1 200 OK\nX")
        }
        #expect(violation?.offset == first.utf8.count + 15)
    }
}
