import Testing
import BylineHTTP

/// RFC 9112 §5 (field lines), RFC 9110 §5.1 (names), §5.5 (values), RFC 9112 §2.2 (CRLF),
/// RFC 9112 §3.2 (Host) and the header limits (431).
@Suite struct HeaderFieldTests {
    static let values: [(line: String, name: String, value: String)] = [
        ("X-A: plain", "X-A", "plain"),
        ("X-A:plain", "X-A", "plain"),
        ("X-A:   spaced out  ", "X-A", "spaced out"),
        ("X-A:\t tabbed \t", "X-A", "tabbed"),
        ("X-A: inner\ttab  and  spaces", "X-A", "inner\ttab  and  spaces"),
        ("X-A:", "X-A", ""),
        ("X-A:   ", "X-A", ""),
        ("x-lower-CASE: kept", "x-lower-CASE", "kept"),
        ("!#$%&'*+-.^_`|~09azAZ: token name", "!#$%&'*+-.^_`|~09azAZ", "token name"),
        ("X-A: \"quoted\", (comment), a=b; c", "X-A", "\"quoted\", (comment), a=b; c"),
        // obs-text (≥ 0x80) is allowed (RFC 9110 §5.5); valid UTF-8 is read as such.
        ("X-A: caf\u{E9}", "X-A", "caf\u{E9}"),
    ]

    @Test(arguments: values)
    func fieldValueIsTrimmedAndKept(_ line: String, _ name: String, _ value: String) throws {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / HTTP/1.1", ["Host: h", line]))
        #expect(outcome.error == nil)
        let head = try #require(outcome.heads.first)
        #expect(head.headers.fields.last == HTTPField(name: name, value: value))
    }

    @Test func obsTextThatIsNotUTF8IsReadAsLatin1() throws {
        let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\nX-A: ".utf8) + [0xE9, 0xFF, 0x41] + Array("\r\n\r\n".utf8)
        let head = try #require(ParserHarness.parse(bytes).heads.first)
        #expect(head.headers["x-a"] == "\u{E9}\u{FF}A")
    }

    @Test func fieldOrderAndRepeatsArePreserved() throws {
        let outcome = ParserHarness.parse(ParserHarness.request(
            "GET / HTTP/1.1", ["Accept: a", "Host: h", "accept: b", "X-Empty:", "ACCEPT: c"]))
        let head = try #require(outcome.heads.first)
        #expect(head.headers.fields.map(\.name) == ["Accept", "Host", "accept", "X-Empty", "ACCEPT"])
        #expect(head.headers.values("Accept") == ["a", "b", "c"])
    }

    static let invalid: [(line: String, why: String)] = [
        // §5.2 obs-fold; also whitespace before the first field line (§2.2).
        (" folded", "Obsolete line folding is not accepted (RFC 9112 §5.2)."),
        ("\tfolded", "Obsolete line folding is not accepted (RFC 9112 §5.2)."),
        // §5.1 whitespace between name and colon.
        ("X-A : v", "Whitespace in or after a header field name (RFC 9112 §5.1)."),
        ("X-A\t: v", "Whitespace in or after a header field name (RFC 9112 §5.1)."),
        ("X A: v", "Whitespace in or after a header field name (RFC 9112 §5.1)."),
        // RFC 9110 §5.1: the name is a non-empty token.
        (": v", "Empty header field name (RFC 9110 §5.1)."),
        ("X-A", "A header field line has no colon (RFC 9112 §5)."),
        ("X@A: v", "Invalid character in a header field name (RFC 9110 §5.1)."),
        ("[X]: v", "Invalid character in a header field name (RFC 9110 §5.1)."),
        ("X\"A: v", "Invalid character in a header field name (RFC 9110 §5.1)."),
        ("X\u{0}A: v", "Invalid character in a header field name (RFC 9110 §5.1)."),
        ("X\u{E9}: v", "Invalid character in a header field name (RFC 9110 §5.1)."),
        // RFC 9110 §5.5: no CTL but HTAB in values.
        ("X-A: a\u{0}b", "Invalid control character in a header field value (RFC 9110 §5.5)."),
        ("X-A: a\u{1}b", "Invalid control character in a header field value (RFC 9110 §5.5)."),
        ("X-A: a\u{1B}b", "Invalid control character in a header field value (RFC 9110 §5.5)."),
        ("X-A: a\u{7F}b", "Invalid control character in a header field value (RFC 9110 §5.5)."),
        ("X-A: \u{0C}", "Invalid control character in a header field value (RFC 9110 §5.5)."),
        // RFC 9112 §2.2: CRLF only; bare CR and bare LF are both rejected.
        ("X-A: a\rb", "A CR must be followed by LF (RFC 9112 §2.2)."),
        ("X-A: a\nX-B: b", "Lines must end with CRLF, not a bare LF (RFC 9112 §2.2)."),
        ("X-A\r: v", "A header field line has no colon (RFC 9112 §5)."),
    ]

    @Test(arguments: invalid)
    func rejectsMalformedFieldLine(_ line: String, _ why: String) {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / HTTP/1.1", ["Host: h", line]))
        #expect(outcome.error == .badRequest(why))
        #expect(outcome.events.isEmpty)
    }

    @Test func whitespaceBetweenRequestLineAndFirstFieldIsRejected() {
        let outcome = ParserHarness.parse("GET / HTTP/1.1\r\n Host: h\r\n\r\n")
        #expect(outcome.error == .badRequest("Obsolete line folding is not accepted (RFC 9112 §5.2)."))
    }

    @Test func emptyLineMustBeCRLFToo() {
        #expect(ParserHarness.parse("GET / HTTP/1.1\r\nHost: h\r\n\n").error
            == .badRequest("Lines must end with CRLF, not a bare LF (RFC 9112 §2.2)."))
        #expect(ParserHarness.parse("GET / HTTP/1.1\r\nHost: h\r\n\rX").error
            == .badRequest("A CR must be followed by LF (RFC 9112 §2.2)."))
    }

    // MARK: - Host (RFC 9112 §3.2)

    @Test func http11WithoutHostIsBadRequest() {
        #expect(ParserHarness.parse(ParserHarness.request("GET / HTTP/1.1", ["Accept: */*"])).error
            == .badRequest("An HTTP/1.1 request must have a Host header field (RFC 9112 §3.2)."))
        // Absolute-form does not exempt it.
        #expect(ParserHarness.parse(ParserHarness.request("GET http://h/ HTTP/1.1", [])).error
            == .badRequest("An HTTP/1.1 request must have a Host header field (RFC 9112 §3.2)."))
    }

    @Test func http10WithoutHostIsAccepted() {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / HTTP/1.0", []))
        #expect(outcome.error == nil)
        #expect(outcome.messageCount == 1)
    }

    @Test(arguments: ["HTTP/1.1", "HTTP/1.0"])
    func moreThanOneHostIsBadRequest(_ version: String) {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / \(version)", ["Host: a", "host: a"]))
        #expect(outcome.error == .badRequest("More than one Host header field (RFC 9112 §3.2)."))
        // Refused at the second Host line, without waiting for the end of the head.
        #expect(ParserHarness.parse("GET / \(version)\r\nHost: a\r\nHost: b\r\n").error
            == .badRequest("More than one Host header field (RFC 9112 §3.2)."))
    }

    @Test(arguments: ["example.com", "example.com:8080", "example.com:", "127.0.0.1:80", "[::1]", "[::1]:443",
                      "[v1.fe80::a+en1]", "xn--bcher-kva.example", "a_b-c~d", "0.0.0.0=5000", "%41b", ""])
    func validHostIsAccepted(_ host: String) throws {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / HTTP/1.1", ["Host: \(host)"]))
        #expect(outcome.error == nil)
        #expect(try #require(outcome.heads.first).headers["Host"] == host)
    }

    @Test(arguments: ["a b", "a/b", "user@a", "a:b", "a:1:2", "a:123456", "[::1", "::1", "a?b", "a#b", "a\\b",
                      "%4", "%zz", "caf\u{E9}", ":80", "[]", "a\"b"])
    func invalidHostIsBadRequest(_ host: String) {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / HTTP/1.1", ["Host: \(host)"]))
        #expect(outcome.error == .badRequest("Invalid Host header field value (RFC 9112 §3.2, RFC 9110 §7.2)."))
    }

    // MARK: - maxHeaderBytes and maxHeaderCount → 431

    /// "Host: h\r\n" (9) + "X: <n bytes>\r\n" (n + 5) + "\r\n" (2) = n + 16 bytes of header section.
    static func head(fieldSectionBytes: Int) -> String {
        "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "v", count: fieldSectionBytes - 16) + "\r\n\r\n"
    }

    @Test func headerSectionAtTheLimitIsAccepted() {
        let input = Self.head(fieldSectionBytes: 100)
        #expect(input.utf8.count - "GET / HTTP/1.1\r\n".utf8.count == 100)
        let outcome = ParserHarness.parse(input, limits: ParserHarness.limits(headerBytes: 100))
        #expect(outcome.error == nil)
        #expect(outcome.messageCount == 1)
    }

    @Test func headerSectionOverTheLimitIs431() {
        let outcome = ParserHarness.parse(Self.head(fieldSectionBytes: 101), limits: ParserHarness.limits(headerBytes: 100))
        #expect(outcome.error == .headerFieldsTooLarge("The header section is larger than 100 bytes."))
    }

    @Test func headerSectionLimitTripsBeforeTheHeadEnds() {
        // One endless field line: 101 bytes after the request line, no CRLF in sight.
        let input = "GET / HTTP/1.1\r\nX: " + String(repeating: "v", count: 98)
        let limits = ParserHarness.limits(headerBytes: 100)
        #expect(ParserHarness.parse(input, limits: limits).error
            == .headerFieldsTooLarge("The header section is larger than 100 bytes."))
        #expect(ParserHarness.parse(String(input.dropLast()), limits: limits).error == nil)
    }

    static func head(fieldCount: Int) -> String {
        ParserHarness.request("GET / HTTP/1.1", ["Host: h"] + (1 ..< fieldCount).map { "X-\($0): v" })
    }

    @Test func fieldCountAtTheLimitIsAccepted() {
        let outcome = ParserHarness.parse(Self.head(fieldCount: 5), limits: ParserHarness.limits(headerCount: 5))
        #expect(outcome.error == nil)
        #expect(outcome.heads.first?.headers.count == 5)
    }

    @Test func fieldCountOverTheLimitIs431AsSoonAsTheExtraLineStarts() {
        let limits = ParserHarness.limits(headerCount: 5)
        #expect(ParserHarness.parse(Self.head(fieldCount: 6), limits: limits).error
            == .headerFieldsTooLarge("More than 5 header fields."))
        // Five complete lines and the first byte of a sixth: enough.
        let partial = "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE"
        #expect(ParserHarness.parse(partial, limits: limits).error == .headerFieldsTooLarge("More than 5 header fields."))
        #expect(ParserHarness.parse(String(partial.dropLast()), limits: limits).error == nil)
    }
}
