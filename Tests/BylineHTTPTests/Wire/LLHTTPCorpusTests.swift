import Testing
import BylineHTTP

extension LLHTTPCase: CustomTestStringConvertible {
    var testDescription: String { name }
}

/// llhttp's request corpus (strict mode) against our parser.
///
/// Verdicts: a case whose log has an error must make us throw; any other case must parse
/// without error and complete as many heads and messages as llhttp's log shows (some cases
/// stop mid-body). Bytes after a protocol switch (CONNECT/Upgrade/PRI pause) are left out,
/// see `LLHTTPCase.switchOffset`.
///
/// Two kinds of deliberate difference:
/// - llhttp does not require Host; RFC 9112 §3.2 makes a server answer 400 to an HTTP/1.1
///   request without one, and we do. For such a case we check that the missing Host is
///   exactly what we reject, then judge the case with a `Host` field added to each HTTP/1.1
///   head (a must-fail case must then still fail, for its own reason).
/// - `deviations`: the few cases where our stricter (or, for methods, more open) reading of
///   the RFCs gives another verdict. Each states the rule and the exact outcome we produce,
///   so an entry that stops being needed fails the test.
@Suite struct LLHTTPCorpusTests {
    static let cases: [LLHTTPCase] = (try? LLHTTPCorpus.requestCases()) ?? []

    static let missingHost = HTTPParseError.badRequest(
        "An HTTP/1.1 request must have a Host header field (RFC 9112 §3.2).")

    struct Deviation {
        /// Our error, or nil when we accept.
        var error: HTTPParseError?
        /// Messages we complete.
        var messages: Int
        var why: String
    }

    static let deviations: [String: Deviation] = [
        // llhttp must-parse, we reject:
        "method.md › M-SEARCH request": Deviation(
            error: .badRequest("The asterisk-form \"*\" is only allowed with OPTIONS (RFC 9112 §3.2.4)."),
            messages: 0, why: "asterisk-form `*` is for OPTIONS only (RFC 9112 §3.2.4); SSDP's M-SEARCH is not HTTP/1.1"),
        "method.md › PRI request HTTP2": Deviation(
            error: .badRequest("The asterisk-form \"*\" is only allowed with OPTIONS (RFC 9112 §3.2.4)."),
            messages: 0, why: "llhttp pauses for an HTTP/2 preface; we do not speak h2 (RFC 9113 §3.4), and `PRI *` is invalid HTTP/1.1 (RFC 9112 §3.2.4)"),
        "method.md › SOURCE request with ICE": Deviation(
            error: .badRequest("Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."),
            messages: 0, why: "ICE/1.0 is not HTTP: HTTP-name is \"HTTP\" (RFC 9112 §2.3)"),
        "method.md › OPTIONS request with RTSP": Deviation(
            error: .badRequest("Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."),
            messages: 0, why: "RTSP/1.0 is not HTTP (RFC 9112 §2.3)"),
        "method.md › ANNOUNCE request with RTSP": Deviation(
            error: .badRequest("Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3)."),
            messages: 0, why: "RTSP/1.0 is not HTTP (RFC 9112 §2.3)"),
        "sample.md › No HTTP version": Deviation(
            error: .badRequest("The request line has no HTTP-version (RFC 9112 §3)."),
            messages: 0, why: "an HTTP/0.9 request line; RFC 9112 §3 requires the HTTP-version"),
        "uri.md › `host:port` and basic auth": Deviation(
            error: .badRequest("User information (user@host) is not allowed in the request-target (RFC 9110 §4.2.4)."),
            messages: 0, why: "userinfo in an http URI SHOULD be treated as an error (RFC 9110 §4.2.4)"),
        "transfer-encoding.md › POST with `chunked` as last transfer-encoding": Deviation(
            error: .notImplemented("Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1)."),
            messages: 0, why: "we implement no transfer coding but chunked: 501 (RFC 9112 §6.1)"),
        "transfer-encoding.md › POST with `chunked` as last transfer-encoding (multiple headers)": Deviation(
            error: .notImplemented("Only one Transfer-Encoding field, \"chunked\", is supported (RFC 9112 §6.1)."),
            messages: 0, why: "deflate then chunked, in two fields: 501 as above (RFC 9112 §6.1)"),
        // llhttp must-parse, we wait for more bytes:
        "method.md › CONNECT with body": Deviation(
            error: nil, messages: 0,
            why: "llhttp hands the bytes after a CONNECT head to the tunnel; we never tunnel and frame CONNECT like any request (RFC 9112 §6.3), so its Content-Length: 10 body is still due"),
        // llhttp must-fail, we accept:
        "invalid.md › HTTP protocol and ANNOUNCE method": Deviation(
            error: nil, messages: 1,
            why: "llhttp knows a fixed method list; methods are extensible tokens (RFC 9110 §9.1), so we accept any and the router answers 501"),
        "invalid.md › Invalid method": Deviation(
            error: nil, messages: 1,
            why: "MKCOLA is a valid token (RFC 9110 §9.1); the router answers 501"),
    ]

    @Test func theCorpusIsReadCompletely() {
        // 131 request cases in the 11 non-lenient files (meta type "request", no skipBody).
        #expect(Self.cases.count == 131)
        #expect(Self.cases.filter(\.mustFail).count == 53)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
        // 14 protocol-switch pauses in the corpus; 4 of them are in lenient cases.
        #expect(Self.cases.filter { $0.switchOffset != nil }.count == 10)
        // Every deviation names a real case.
        let names = Set(Self.cases.map(\.name))
        for name in Self.deviations.keys { #expect(names.contains(name), "unknown case \(name)") }
    }

    @Test(arguments: cases)
    func verdictMatchesLLHTTP(_ testCase: LLHTTPCase) {
        var bytes = testCase.httpBytes
        let original = ParserHarness.parse(bytes)
        if original.error == Self.missingHost {
            bytes = Self.addingMissingHosts(bytes)
            #expect(bytes != testCase.httpBytes)
        }
        let outcome = ParserHarness.parse(bytes)

        if let deviation = Self.deviations[testCase.name] {
            #expect(outcome.error == deviation.error, "\(deviation.why)")
            #expect(outcome.messageCount == deviation.messages, "\(deviation.why)")
        } else if testCase.mustFail {
            #expect(outcome.error != nil, "llhttp: \(testCase.llhttpError ?? "?"); we: \(outcome)")
        } else {
            #expect(outcome.error == nil, "we: \(outcome)")
            #expect(outcome.heads.count == testCase.llhttpHeads, "we: \(outcome)")
            #expect(outcome.messageCount == testCase.llhttpMessages, "we: \(outcome)")
        }
        // The same bytes one at a time give the same outcome.
        #expect(ParserHarness.parseByteByByte(bytes) == outcome)
    }

    /// Adds `Host: llhttp.test` to every HTTP/1.1 request head that lacks one. Where each
    /// message starts is found with our own parser, fed byte by byte so that the offset of
    /// each `.end` is known; the field goes right after that message's request line.
    static func addingMissingHosts(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0 ..< 16 {
            var parser = HTTPRequestParser()
            var events: [HTTPParserEvent] = []
            var messageStart = 0
            var missingHostIn: Int?
            for index in bytes.indices {
                let eventsBefore = events.count
                do {
                    try parser.parse([bytes[index]], into: &events)
                } catch {
                    if error == missingHost { missingHostIn = messageStart }
                    break
                }
                if events[eventsBefore...].contains(.end) { messageStart = index + 1 }
            }
            guard var lineEnd = missingHostIn else { return bytes }
            // Past any empty lines, then to the CRLF of the request line.
            while lineEnd + 1 < bytes.count, bytes[lineEnd] == 0x0D, bytes[lineEnd + 1] == 0x0A { lineEnd += 2 }
            while lineEnd + 1 < bytes.count, !(bytes[lineEnd] == 0x0D && bytes[lineEnd + 1] == 0x0A) { lineEnd += 1 }
            bytes.insert(contentsOf: Array("\r\nHost: llhttp.test".utf8), at: lineEnd)
        }
        return bytes
    }

    @Test func hostIsAddedAfterEachRequestLine() {
        let pipelined = Array("GET /a HTTP/1.1\r\n\r\n\r\nGET /b HTTP/1.1\r\nX: y\r\n\r\n".utf8)
        let fixed = Self.addingMissingHosts(pipelined)
        #expect(String(decoding: fixed, as: UTF8.self)
            == "GET /a HTTP/1.1\r\nHost: llhttp.test\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: llhttp.test\r\nX: y\r\n\r\n")
    }

    @Test func markdownDecodingFollowsLLHTTPsRunner() {
        // Line continuation, CRLF normalisation, escapes (above 0x7F: UTF-8), literal `\"`.
        let decoded = LLHTTPCorpus.decodeHTTPBlock("A\\r\\n\\\nB\\t\\01\\xff\\\"\n")
        #expect(decoded == [0x41, 0x0D, 0x0A, 0x42, 0x09, 0x01, 0xC3, 0xBF, 0x5C, 0x22, 0x0D, 0x0A])
    }
}
