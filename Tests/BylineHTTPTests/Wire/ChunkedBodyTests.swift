import Testing
import BylineHTTP

/// RFC 9112 §7.1 (chunked transfer coding): sizes, extensions, trailers, limits.
@Suite struct ChunkedBodyTests {
    static let head = "POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"

    static func parse(_ chunks: String, limits: ServerLimits = ServerLimits()) -> ParseOutcome {
        ParserHarness.parse(head + chunks, limits: limits)
    }

    static let valid: [(chunks: String, body: String)] = [
        ("0\r\n\r\n", ""),
        ("5\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"),
        ("a\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
        ("A\r\n0123456789\r\n000\r\n\r\n", "0123456789"),
        ("0000000000000001\r\nx\r\n0\r\n\r\n", "x"),  // 16 hex digits
        ("3\r\n\r\n\r\r\n0\r\n\r\n", "\r\n\r"),       // chunk data is opaque
        // chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] ), parsed and discarded (§7.1.1).
        ("5;ext\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5;a=b;c;d=e\r\nhello\r\n0;last=1\r\n\r\n", "hello"),
        ("5 ; a = b\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5\t;\ta\t=\tb\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5;a=\"quoted ; value\"\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5;a=\"esc\\\"aped\\\\\"\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5;a=\"\"\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5;!#$%&'*+-.^_`|~=!#$%&'*+-.^_`|~\r\nhello\r\n0\r\n\r\n", "hello"),
        // Trailer section: field lines checked like header fields, then discarded (§7.1.2).
        ("5\r\nhello\r\n0\r\nX-Checksum: abc\r\nX-Other:\r\n\r\n", "hello"),
    ]

    @Test(arguments: valid)
    func chunkedBodyIsDechunked(_ chunks: String, _ body: String) {
        let outcome = Self.parse(chunks + "GET / HTTP/1.1\r\n")
        #expect(outcome.error == nil)
        #expect(Array(outcome.events.dropFirst()) == (body.isEmpty ? [.end] : [.body(Array(body.utf8)), .end]))
    }

    @Test func trailerFieldsDoNotReachTheHead() throws {
        let outcome = Self.parse("0\r\nX-Trailer: t\r\n\r\n")
        let head = try #require(outcome.heads.first)
        #expect(head.headers["X-Trailer"] == nil)
    }

    static let invalid: [(chunks: String, why: String)] = [
        ("0x5\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("+5\r\nhello\r\n0\r\n\r\n", "Invalid chunk size; expected hex digits (RFC 9112 §7.1)."),
        ("-5\r\nhello\r\n0\r\n\r\n", "Invalid chunk size; expected hex digits (RFC 9112 §7.1)."),
        ("_5\r\nhello\r\n0\r\n\r\n", "Invalid chunk size; expected hex digits (RFC 9112 §7.1)."),
        ("5_0\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("\r\nhello\r\n0\r\n\r\n", "Invalid chunk size; expected hex digits (RFC 9112 §7.1)."),
        (" 5\r\nhello\r\n0\r\n\r\n", "Invalid chunk size; expected hex digits (RFC 9112 §7.1)."),
        ("5 \r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("g\r\nhello\r\n0\r\n\r\n", "Invalid chunk size; expected hex digits (RFC 9112 §7.1)."),
        ("00000000000000005\r\nhello\r\n0\r\n\r\n", "Chunk size longer than 16 hex digits (RFC 9112 §7.1)."),
        ("FFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n", "Chunk size overflows (RFC 9112 §7.1)."),
        ("8000000000000000\r\nhello\r\n0\r\n\r\n", "Chunk size overflows (RFC 9112 §7.1)."),
        // Extension syntax (§7.1.1).
        ("5;\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;=v\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a=\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a=b c\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a b\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a \r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a=\"open\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a=\"x\"y\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a=\"\u{1}\"\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5;a@b\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        ("5\r\r;ABCD\r\nhello\r\n0\r\n\r\n", "Invalid chunk size or chunk extension (RFC 9112 §7.1.1)."),
        // Line endings (§2.2) and the CRLF after chunk data (§7.1).
        ("5\nhello\r\n0\r\n\r\n", "Lines must end with CRLF, not a bare LF (RFC 9112 §2.2)."),
        ("5\r\nhelloX\r\n0\r\n\r\n", "Chunk data must be followed by CRLF (RFC 9112 §7.1)."),
        ("5\r\nhello\rX0\r\n\r\n", "Chunk data must be followed by CRLF (RFC 9112 §7.1)."),
        ("5\r\nhello\n0\r\n\r\n", "Chunk data must be followed by CRLF (RFC 9112 §7.1)."),
        ("3\r\nfoo\r\n\r\n", "Invalid chunk size; expected hex digits (RFC 9112 §7.1)."),
        // Trailer fields follow the header field rules (§7.1.2).
        ("0\r\n folded\r\n\r\n", "Obsolete line folding is not accepted (RFC 9112 §5.2)."),
        ("0\r\nBad Name: v\r\n\r\n", "Whitespace in or after a header field name (RFC 9112 §5.1)."),
        ("0\r\nX: a\u{0}b\r\n\r\n", "Invalid control character in a header field value (RFC 9110 §5.5)."),
        ("0\r\nX: v\n\r\n", "Lines must end with CRLF, not a bare LF (RFC 9112 §2.2)."),
        ("0\r\n\n", "Lines must end with CRLF, not a bare LF (RFC 9112 §2.2)."),
    ]

    @Test(arguments: invalid)
    func malformedChunkingIsBadRequest(_ chunks: String, _ why: String) {
        let outcome = Self.parse(chunks)
        #expect(outcome.error == .badRequest(why))
        #expect(outcome.messageCount == 0)
    }

    @Test func overlongChunkSizeLineIsBadRequest() {
        let line = "5;" + String(repeating: "a", count: 5000)
        #expect(Self.parse(line).error == .badRequest("Chunk-size line longer than 4096 bytes (RFC 9112 §7.1.1)."))
    }

    // MARK: - Limits

    @Test func chunkSumAtTheLimitIsAccepted() {
        let outcome = Self.parse("5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n", limits: ParserHarness.limits(body: 10))
        #expect(outcome.error == nil)
        #expect(outcome.messageCount == 1)
    }

    @Test func chunkSizeThatTakesTheSumOverTheLimitIs413AtOnce() {
        let limits = ParserHarness.limits(body: 10)
        // The second size line is enough: its data never needs to arrive.
        let outcome = Self.parse("5\r\n01234\r\n6\r\n", limits: limits)
        #expect(outcome.error == .contentTooLarge)
        #expect(outcome.events.dropFirst() == [.body(Array("01234".utf8))])
        #expect(Self.parse("B\r\n", limits: limits).error == .contentTooLarge)
        #expect(Self.parse("7FFFFFFFFFFFFFFF\r\n", limits: limits).error == .contentTooLarge)
    }

    @Test func trailerBytesCountAgainstTheHeaderLimit() {
        // Header section: "Host: h\r\n" (9) + "Transfer-Encoding: chunked\r\n" (28) + "\r\n" (2) = 39.
        let limits = ParserHarness.limits(headerBytes: 60)
        let fits = "0\r\nX: " + String(repeating: "t", count: 14) + "\r\n\r\n"   // 21 trailer bytes
        #expect(Self.parse(fits, limits: limits).error == nil)
        #expect(Self.parse(fits, limits: limits).messageCount == 1)
        let over = "0\r\nX: " + String(repeating: "t", count: 15) + "\r\n\r\n"
        #expect(Self.parse(over, limits: limits).error == .headerFieldsTooLarge("The header section is larger than 60 bytes."))
    }

    @Test func trailerFieldsCountAgainstTheFieldCountLimit() {
        let limits = ParserHarness.limits(headerCount: 3)
        #expect(Self.parse("0\r\nA: 1\r\n\r\n", limits: limits).messageCount == 1)
        #expect(Self.parse("0\r\nA: 1\r\nB: 2\r\n\r\n", limits: limits).error
            == .headerFieldsTooLarge("More than 3 header fields."))
    }
}
