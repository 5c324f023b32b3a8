import Testing
import BylineHTTP

/// RFC 9112 §6 (message body length), RFC 9110 §8.6 (Content-Length) and the 413 limit.
@Suite struct BodyFramingTests {
    static func head(_ outcome: ParseOutcome) -> (HTTPRequestHead, HTTPBodyFraming)? {
        for event in outcome.events { if case .head(let head, let framing) = event { return (head, framing) } }
        return nil
    }

    @Test(arguments: ["GET", "HEAD", "DELETE", "POST", "OPTIONS"])
    func noContentLengthNorTransferEncodingMeansNoBody(_ method: String) throws {
        let outcome = ParserHarness.parse(ParserHarness.request("\(method) / HTTP/1.1"))
        #expect(outcome.error == nil)
        #expect(try #require(Self.head(outcome)).1 == .none)
        #expect(outcome.events.count == 2)
        #expect(outcome.events.last == .end)
    }

    @Test(arguments: ["0", "00", "000000000000000000"])
    func zeroContentLengthMeansNoBody(_ value: String) throws {
        let outcome = ParserHarness.parse(ParserHarness.request("POST / HTTP/1.1", ["Host: h", "Content-Length: \(value)"]))
        #expect(try #require(Self.head(outcome)).1 == .none)
        #expect(outcome.events.count == 2)
    }

    static let validLengths: [(value: String, length: Int)] = [
        ("5", 5), ("005", 5), (" 5 ", 5), ("\t5", 5), ("12", 12),
    ]

    @Test(arguments: validLengths)
    func contentLengthFramesTheBody(_ value: String, _ length: Int) throws {
        let body = String(repeating: "b", count: length)
        let outcome = ParserHarness.parse(ParserHarness.request(
            "PUT /x HTTP/1.1", ["Host: h", "Content-Length:\(value)"], body: body + "GET / HTTP/1.1\r\n"))
        #expect(outcome.error == nil)
        #expect(try #require(Self.head(outcome)).1 == .length(length))
        #expect(outcome.events.dropFirst() == [.body(Array(body.utf8)), .end])
    }

    @Test func aBodyIsAllowedWithAnyMethod() {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / HTTP/1.1", ["Host: h", "Content-Length: 2"], body: "ab"))
        #expect(outcome.events.dropFirst() == [.body(Array("ab".utf8)), .end])
    }

    @Test func bodyBytesArriveAsTheyCome() {
        var parser = HTTPRequestParser()
        var events: [HTTPParserEvent] = []
        #expect(throws: Never.self) {
            try parser.parse(Array(ParserHarness.request("POST / HTTP/1.1", ["Host: h", "Content-Length: 6"], body: "ab").utf8), into: &events)
            #expect(events.count == 2)
            #expect(events.last == .body(Array("ab".utf8)))
            #expect(!parser.isIdle)
            try parser.parse(Array("cd".utf8), into: &events)
            try parser.parse(Array("ef".utf8), into: &events)
        }
        #expect(events.dropFirst() == [.body(Array("ab".utf8)), .body(Array("cd".utf8)), .body(Array("ef".utf8)), .end])
        #expect(parser.isIdle)
    }

    static let invalidLengths = [
        "+5", "-5", "5 5", "5, 5", "5,5", "", "0x5", "5.0", "5a", "1e3", "\u{FF15}",
        "1234567890123456789", // 19 digits
        "99999999999999999999999",
    ]

    /// RFC 9110 §8.6 / RFC 9112 §6.3 item 5: Content-Length is 1*DIGIT; anything else is an
    /// unrecoverable framing error.
    @Test(arguments: invalidLengths)
    func malformedContentLengthIsBadRequest(_ value: String) {
        let outcome = ParserHarness.parse(ParserHarness.request("POST / HTTP/1.1", ["Host: h", "Content-Length: \(value)"]))
        #expect(outcome.error == .badRequest("Content-Length must be 1 to 18 decimal digits (RFC 9110 §8.6)."))
    }

    @Test(arguments: [("5", "5"), ("5", "6"), ("0", "0")])
    func duplicateContentLengthIsBadRequestEvenWhenEqual(_ first: String, _ second: String) {
        let outcome = ParserHarness.parse(ParserHarness.request(
            "POST / HTTP/1.1", ["Host: h", "Content-Length: \(first)", "content-length: \(second)"], body: "12345"))
        #expect(outcome.error == .badRequest("More than one Content-Length header field (RFC 9112 §6.3)."))
    }

    /// RFC 9112 §6.3 item 3: both framings at once is a smuggling attempt; always rejected.
    @Test(arguments: [["Content-Length: 5", "Transfer-Encoding: chunked"],
                      ["Transfer-Encoding: chunked", "Content-Length: 5"],
                      ["Transfer-Encoding: gzip", "Content-Length: 0"],
                      ["Content-Length: 5", "Transfer-Encoding: identity"]])
    func contentLengthWithTransferEncodingIsBadRequest(_ fields: [String]) {
        let outcome = ParserHarness.parse(ParserHarness.request("POST / HTTP/1.1", ["Host: h"] + fields, body: "0\r\n\r\n"))
        #expect(outcome.error == .badRequest("Content-Length and Transfer-Encoding together (RFC 9112 §6.3)."))
    }

    @Test(arguments: ["chunked", "Chunked", "CHUNKED", "  chunked\t"])
    func transferEncodingChunkedIsCaseInsensitiveAndTrimmed(_ value: String) throws {
        let outcome = ParserHarness.parse(ParserHarness.request(
            "POST / HTTP/1.1", ["Host: h", "Transfer-Encoding: \(value)"], body: "2\r\nab\r\n0\r\n\r\n"))
        #expect(outcome.error == nil)
        #expect(try #require(Self.head(outcome)).1 == .chunked)
        #expect(outcome.events.dropFirst() == [.body(Array("ab".utf8)), .end])
    }

    /// RFC 9112 §6.1: we implement no coding but chunked, applied once: 501 for the rest.
    @Test(arguments: [
        (["Transfer-Encoding: gzip, chunked"], "Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding: chunked, gzip"], "Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding: chunked, chunked"], "Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding: identity"], "Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding: chunkedx"], "Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding: chunked;q=1"], "Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding:"], "Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding: chunked", "Transfer-Encoding: chunked"],
         "Only one Transfer-Encoding field, \"chunked\", is supported (RFC 9112 §6.1)."),
        (["Transfer-Encoding: gzip", "Transfer-Encoding: chunked"],
         "Only one Transfer-Encoding field, \"chunked\", is supported (RFC 9112 §6.1)."),
    ])
    func otherTransferCodingsAreNotImplemented(_ fields: [String], _ why: String) {
        let outcome = ParserHarness.parse(ParserHarness.request("POST / HTTP/1.1", ["Host: h"] + fields))
        #expect(outcome.error == .notImplemented(why))
        #expect(outcome.events.isEmpty)
    }

    /// RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 is faulty framing.
    @Test(arguments: ["chunked", "gzip"])
    func transferEncodingInHTTP10IsBadRequest(_ value: String) {
        let outcome = ParserHarness.parse(ParserHarness.request("POST / HTTP/1.0", ["Transfer-Encoding: \(value)"]))
        #expect(outcome.error == .badRequest("Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1)."))
    }

    // MARK: - maxBodyBytes → 413

    @Test func contentLengthAtTheLimitIsAccepted() throws {
        let outcome = ParserHarness.parse(ParserHarness.request(
            "POST / HTTP/1.1", ["Host: h", "Content-Length: 10"], body: "0123456789"), limits: ParserHarness.limits(body: 10))
        #expect(outcome.error == nil)
        #expect(try #require(Self.head(outcome)).1 == .length(10))
        #expect(outcome.messageCount == 1)
    }

    @Test(arguments: ["11", "999999999999999999"])
    func contentLengthOverTheLimitIs413WithoutTheHead(_ value: String) {
        let outcome = ParserHarness.parse(ParserHarness.request(
            "POST / HTTP/1.1", ["Host: h", "Content-Length: \(value)"]), limits: ParserHarness.limits(body: 10))
        #expect(outcome.error == .contentTooLarge)
        #expect(outcome.events.isEmpty)
    }

    @Test func contentLengthOverTheLimitWaitsForTheWholeHead() {
        // A later syntax error in the head wins: 413 means "a valid head, too big a body".
        let outcome = ParserHarness.parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nBad Name: x\r\n\r\n",
                                          limits: ParserHarness.limits(body: 10))
        #expect(outcome.error == .badRequest("Whitespace in or after a header field name (RFC 9112 §5.1)."))
        #expect(ParserHarness.parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n",
                                    limits: ParserHarness.limits(body: 10)).error == nil)
    }
}
