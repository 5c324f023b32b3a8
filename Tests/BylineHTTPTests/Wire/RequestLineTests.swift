import Testing
import BylineHTTP

/// RFC 9112 §3 (request line), §2.3 (version), §2.2 (empty lines), §3.2 (target forms).
@Suite struct RequestLineTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var line: String
        var method: HTTPMethod
        var target: String
        var version: HTTPVersion = .http1_1
        var testDescription: String { line }
    }

    static let valid: [Valid] = [
        Valid(line: "GET / HTTP/1.1", method: .get, target: "/"),
        Valid(line: "GET /a/b?c=d&e=%20f HTTP/1.1", method: .get, target: "/a/b?c=d&e=%20f"),
        Valid(line: "HEAD /x HTTP/1.0", method: .head, target: "/x", version: .http1_0),
        Valid(line: "POST //double/slash HTTP/1.1", method: .post, target: "//double/slash"),
        // Any token is a method at parse level (RFC 9110 §9.1); methods are case-sensitive.
        Valid(line: "PURGE /x HTTP/1.1", method: .other("PURGE"), target: "/x"),
        Valid(line: "get /x HTTP/1.1", method: .other("get"), target: "/x"),
        Valid(line: "M-SEARCH!#$%&'*+.^_`|~ /x HTTP/1.1", method: .other("M-SEARCH!#$%&'*+.^_`|~"), target: "/x"),
        // Visible ASCII that RFC 3986 would want encoded is passed through, not judged here.
        Valid(line: "GET /q?a=\"b\"&c={d}|e^f`g HTTP/1.1", method: .get, target: "/q?a=\"b\"&c={d}|e^f`g"),
        Valid(line: "GET /frag#ment HTTP/1.1", method: .get, target: "/frag#ment"),
        // §3.2.4 asterisk-form, §3.2.3 authority-form, §3.2.2 absolute-form.
        Valid(line: "OPTIONS * HTTP/1.1", method: .options, target: "*"),
        Valid(line: "CONNECT example.com:443 HTTP/1.1", method: .connect, target: "example.com:443"),
        Valid(line: "CONNECT [::1]:8443 HTTP/1.1", method: .connect, target: "[::1]:8443"),
        Valid(line: "GET http://example.com HTTP/1.1", method: .get, target: "http://example.com"),
        Valid(line: "GET https://example.com:8443/p?q HTTP/1.1", method: .get, target: "https://example.com:8443/p?q"),
        Valid(line: "GET http://[2001:db8::1]/ HTTP/1.1", method: .get, target: "http://[2001:db8::1]/"),
        Valid(line: "GET http://h?x HTTP/1.1", method: .get, target: "http://h?x"),
    ]

    @Test(arguments: valid)
    func acceptsValidRequestLine(_ valid: Valid) throws {
        let outcome = ParserHarness.parse(ParserHarness.request(valid.line))
        #expect(outcome.error == nil)
        let head = try #require(outcome.heads.first)
        #expect(head.method == valid.method)
        #expect(head.target == valid.target)
        #expect(head.version == valid.version)
        #expect(outcome.messageCount == 1)
    }

    static let invalid: [(line: String, why: String)] = [
        ("GET  / HTTP/1.1", "Exactly one space must separate the request-line parts (RFC 9112 §3)."),
        ("GET /  HTTP/1.1", "Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."),
        ("GET / HTTP/1.1 ", "Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."),
        (" GET / HTTP/1.1", "The request line must start with a method token (RFC 9112 §3.1)."),
        ("GET\t/ HTTP/1.1", "Invalid character in the method (RFC 9110 §5.6.2)."),
        ("GE(T / HTTP/1.1", "Invalid character in the method (RFC 9110 §5.6.2)."),
        ("/ HTTP/1.1", "The request line must start with a method token (RFC 9112 §3.1)."),
        ("GET", "The request line has no request-target (RFC 9112 §3)."),
        ("GET ", "The request line has no request-target (RFC 9112 §3)."),
        ("GET /", "The request line has no HTTP-version (RFC 9112 §3)."),
        ("GET / ", "Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."),
        ("GET /a b HTTP/1.1", "Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."),
        ("GET /a\u{7F} HTTP/1.1", "Invalid character in the request-target (RFC 9112 §3.2)."),
        ("GET /a\u{01} HTTP/1.1", "Invalid character in the request-target (RFC 9112 §3.2)."),
        ("GET /a\u{0B} HTTP/1.1", "Invalid character in the request-target (RFC 9112 §3.2)."),
        ("GET /caf\u{E9} HTTP/1.1", "Invalid character in the request-target (RFC 9112 §3.2)."),
        ("GET /a\tb HTTP/1.1", "Invalid character in the request-target (RFC 9112 §3.2)."),
        // §3.2: each form belongs to its methods.
        ("GET * HTTP/1.1", "The asterisk-form \"*\" is only allowed with OPTIONS (RFC 9112 §3.2.4)."),
        ("OPTIONS ** HTTP/1.1", "The request-target must be origin-form (/path) or absolute-form (http://host/path) (RFC 9112 §3.2)."),
        ("CONNECT /path HTTP/1.1", "CONNECT requires an authority-form target, host:port (RFC 9112 §3.2.3)."),
        ("CONNECT example.com HTTP/1.1", "CONNECT requires an authority-form target, host:port (RFC 9112 §3.2.3)."),
        ("CONNECT http://example.com:443 HTTP/1.1", "CONNECT requires an authority-form target, host:port (RFC 9112 §3.2.3)."),
        ("GET example.com:443 HTTP/1.1", "The request-target must be origin-form (/path) or absolute-form (http://host/path) (RFC 9112 §3.2)."),
        ("GET example HTTP/1.1", "The request-target must be origin-form (/path) or absolute-form (http://host/path) (RFC 9112 §3.2)."),
        ("GET http:/x HTTP/1.1", "The request-target must be origin-form (/path) or absolute-form (http://host/path) (RFC 9112 §3.2)."),
        ("GET 1http://x/ HTTP/1.1", "The request-target must be origin-form (/path) or absolute-form (http://host/path) (RFC 9112 §3.2)."),
        ("GET http:///path HTTP/1.1", "The absolute-form request-target has no valid host (RFC 9110 §4.2.1)."),
        ("GET http://a\"b/ HTTP/1.1", "The absolute-form request-target has no valid host (RFC 9110 §4.2.1)."),
        ("GET http://user:pw@example.com/ HTTP/1.1", "User information (user@host) is not allowed in the request-target (RFC 9110 §4.2.4)."),
    ]

    @Test(arguments: invalid)
    func rejectsMalformedRequestLine(_ line: String, _ why: String) {
        let outcome = ParserHarness.parse(ParserHarness.request(line))
        #expect(outcome.error == .badRequest(why))
        #expect(outcome.events.isEmpty)
    }

    static let malformedVersions = [
        "HTTP/1.1.1", "HTTP/11", "HTTP/1", "HTTP/1.", "HTTP/", "http/1.1", "Http/1.1", "ICE/1.0",
        "RTSP/1.0", "HTTP/a.b", "HTTP/1.1x", "HTTP/1.10", "HTTP /1.1", "HTTP/1 .1", "HTTPS/1.1", "HTTP\\1.1",
    ]

    @Test(arguments: malformedVersions)
    func malformedVersionIsBadRequest(_ version: String) {
        let outcome = ParserHarness.parse(ParserHarness.request("GET / \(version)"))
        #expect(outcome.error == .badRequest("Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."))
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/0.9", "HTTP/1.2", "HTTP/3.0", "HTTP/9.9", "HTTP/0.0"])
    func wellFormedUnsupportedVersionIs505(_ version: String) {
        #expect(ParserHarness.parse(ParserHarness.request("GET / \(version)")).error == .versionNotSupported)
        // Known from the last digit on: no need to wait for the CRLF.
        #expect(ParserHarness.parse("GET / \(version)").error == .versionNotSupported)
    }

    /// RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
    @Test(arguments: [1, 2, 8])
    func ignoresSomeEmptyLinesBeforeTheRequestLine(_ count: Int) {
        let input = String(repeating: "\r\n", count: count) + ParserHarness.request("GET / HTTP/1.1")
        let outcome = ParserHarness.parse(input)
        #expect(outcome.error == nil)
        #expect(outcome.messageCount == 1)
    }

    @Test func tooManyEmptyLinesBeforeTheRequestLineIsBadRequest() {
        let input = String(repeating: "\r\n", count: 9) + ParserHarness.request("GET / HTTP/1.1")
        #expect(ParserHarness.parse(input).error
            == .badRequest("Too many empty lines before the request line (RFC 9112 §2.2)."))
    }

    @Test(arguments: ["\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", "GET / HTTP/1.1\nHost: a\r\n\r\n"])
    func bareLineFeedIsBadRequest(_ input: String) {
        #expect(ParserHarness.parse(input).error
            == .badRequest("Lines must end with CRLF, not a bare LF (RFC 9112 §2.2)."))
    }

    @Test(arguments: ["\rGET / HTTP/1.1\r\n", "GET / HTTP/1.1\rHost: a\r\n\r\n", "GET / HTTP/1.1\r\r\n"])
    func bareCarriageReturnIsBadRequest(_ input: String) {
        #expect(ParserHarness.parse(input).error != nil)
        if case .badRequest? = ParserHarness.parse(input).error {} else { Issue.record("not a 400") }
    }

    // MARK: - maxRequestLineBytes → 414

    /// A request line of exactly `length` bytes (CRLF excluded).
    static func requestLine(length: Int) -> String {
        "GET /" + String(repeating: "a", count: length - "GET / HTTP/1.1".count) + " HTTP/1.1"
    }

    @Test func requestLineAtTheLimitIsAccepted() {
        let limits = ParserHarness.limits(requestLine: 64)
        let line = Self.requestLine(length: 64)
        #expect(line.utf8.count == 64)
        let outcome = ParserHarness.parse(ParserHarness.request(line), limits: limits)
        #expect(outcome.error == nil)
        #expect(outcome.messageCount == 1)
    }

    @Test func requestLineOverTheLimitIsURITooLong() {
        let limits = ParserHarness.limits(requestLine: 64)
        let outcome = ParserHarness.parse(ParserHarness.request(Self.requestLine(length: 65)), limits: limits)
        #expect(outcome.error == .uriTooLong)
    }

    @Test func neverEndingRequestLineTripsTheLimitBeforeItsEnd() {
        let limits = ParserHarness.limits(requestLine: 64)
        // No CRLF ever arrives; the 65th byte is enough.
        let endless = "GET /" + String(repeating: "a", count: 60)
        #expect(endless.utf8.count == 65)
        #expect(ParserHarness.parse(endless, limits: limits).error == .uriTooLong)
        #expect(ParserHarness.parse(String(endless.dropLast()), limits: limits).error == nil)
        // Fed in pieces, the buffer never holds much more than the limit.
        var parser = HTTPRequestParser(limits: limits)
        var events: [HTTPParserEvent] = []
        #expect(throws: HTTPParseError.uriTooLong) {
            for _ in 0 ..< 100 {
                try parser.parse(Array(repeating: UInt8(ascii: "a"), count: 10), into: &events)
                #expect(parser.bytesBuffered <= 64)
            }
        }
    }
}
