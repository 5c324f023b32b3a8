import Testing
import BylineHTTP

/// Incremental feeding, pipelining, the dead parser and the end of a connection.
@Suite struct ParserStreamTests {
    static let inputs: [String] = [
        ParserHarness.request("GET /a HTTP/1.1"),
        ParserHarness.request("POST /b HTTP/1.1", ["Host: h", "Content-Length: 11", "X-A:  v  "], body: "hello world"),
        "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;e=\"q\"\r\nhello\r\n6\r\n world\r\n0\r\nT: v\r\n\r\n",
        "\r\n" + ParserHarness.request("GET / HTTP/1.1") + ParserHarness.request("PUT / HTTP/1.1", ["Host: h", "Content-Length: 3"], body: "abc")
            + "\r\n" + ParserHarness.request("GET /last HTTP/1.0", []),
        // Errors, early and late.
        "GET / HTTP/1.1\r\nHost: h\r\nBad Name: v\r\n\r\n",
        "GET / HTTP/2.0\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\n\r\nGARBAGE\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
        "GET /" + String(repeating: "x", count: 200),
        "GET / HTTP/1.1\r\nHost: h\r\nA: \r" + String(repeating: "x", count: 200),
    ]

    static let smallLimits = ParserHarness.limits(requestLine: 100, headerBytes: 120, headerCount: 4, body: 16)

    /// Byte by byte, in two pieces at every cut, and all at once: the same heads, body bytes,
    /// ends and error.
    @Test(arguments: inputs)
    func everySplitGivesTheSameOutcome(_ input: String) {
        let bytes = Array(input.utf8)
        for limits in [ServerLimits(), Self.smallLimits] {
            let whole = ParserHarness.parse(bytes, limits: limits)
            #expect(ParserHarness.parseByteByByte(bytes, limits: limits) == whole)
            for cut in 1 ..< bytes.count {
                #expect(ParserHarness.parse(bytes, cuts: [cut], limits: limits) == whole, "cut at \(cut)")
            }
        }
    }

    @Test func pipelinedRequestsInOneBufferAreAllReported() throws {
        let input = ParserHarness.request("GET /1 HTTP/1.1")
            + ParserHarness.request("POST /2 HTTP/1.1", ["Host: h", "Content-Length: 3"], body: "abc")
            + "POST /3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
            + ParserHarness.request("DELETE /4 HTTP/1.1")
        var parser = HTTPRequestParser()
        var events: [HTTPParserEvent] = []
        try parser.parse(Array(input.utf8), into: &events)
        #expect(parser.isIdle)
        #expect(parser.bytesBuffered == 0)
        let shape = events.map { event -> String in
            switch event {
            case .head(let head, let framing): "\(head.method) \(head.target) \(framing)"
            case .body(let bytes): "body \(String(decoding: bytes, as: UTF8.self))"
            case .end: "end"
            }
        }
        #expect(shape == ["GET /1 none", "end", "POST /2 length(3)", "body abc", "end",
                          "POST /3 chunked", "body de", "end", "DELETE /4 none", "end"])
    }

    @Test func aDeadParserKeepsThrowingTheSameError() {
        var parser = HTTPRequestParser()
        var events: [HTTPParserEvent] = []
        let first = #expect(throws: HTTPParseError.self) {
            try parser.parse(Array("GET / HTTP/3.0\r\n".utf8), into: &events)
        }
        #expect(first == .versionNotSupported)
        for later in ["", ParserHarness.request("GET / HTTP/1.1")] {
            #expect(throws: HTTPParseError.versionNotSupported) {
                try parser.parse(Array(later.utf8), into: &events)
            }
        }
        #expect(events.isEmpty)
    }

    @Test func eventsBeforeAnErrorAreKept() {
        var parser = HTTPRequestParser()
        var events: [HTTPParserEvent] = []
        let input = ParserHarness.request("POST / HTTP/1.1", ["Host: h", "Content-Length: 2"], body: "ok") + "BAD\u{1} / HTTP/1.1\r\n"
        #expect(throws: HTTPParseError.badRequest("Invalid character in the method (RFC 9110 §5.6.2).")) {
            try parser.parse(Array(input.utf8), into: &events)
        }
        #expect(events.count == 3)
        #expect(events.last == .end)
    }

    @Test func isIdleOnlyBetweenMessages() throws {
        var parser = HTTPRequestParser()
        var events: [HTTPParserEvent] = []
        #expect(parser.isIdle)
        try parser.parse(Array("\r".utf8), into: &events)
        #expect(!parser.isIdle)
        try parser.parse(Array("\nGET / HT".utf8), into: &events)
        #expect(!parser.isIdle)
        #expect(parser.bytesBuffered == 8)  // the empty line is dropped
        try parser.parse(Array("TP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\n".utf8), into: &events)
        #expect(!parser.isIdle)
        #expect(parser.bytesBuffered == 0)
        try parser.parse(Array("x".utf8), into: &events)
        #expect(parser.isIdle)
    }

    // MARK: - After a message that closes the connection (RFC 9112 §9.3, §9.6)

    @Test(arguments: [
        ParserHarness.request("GET / HTTP/1.1", ["Host: h", "Connection: close"]),
        ParserHarness.request("GET / HTTP/1.1", ["Host: h", "Connection: keep-alive, Close"]),
        ParserHarness.request("GET / HTTP/1.0", []),
    ])
    func nothingButLineEndingsMayFollowAClosingRequest(_ closing: String) {
        let tolerated = ParserHarness.parse(closing + "\r\n\r\n\n")
        #expect(tolerated.error == nil)
        #expect(tolerated.messageCount == 1)
        let more = ParserHarness.parse(closing + ParserHarness.request("GET /2 HTTP/1.1"))
        #expect(more.error == .badRequest("Data after a request that closes the connection (RFC 9112 §9.6)."))
        #expect(more.messageCount == 1)
    }

    @Test func http10KeepAliveAllowsAnotherRequest() {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / HTTP/1.0", ["Connection: keep-alive"])
            + ParserHarness.request("GET /2 HTTP/1.0", []))
        #expect(outcome.error == nil)
        #expect(outcome.messageCount == 2)
    }
}
