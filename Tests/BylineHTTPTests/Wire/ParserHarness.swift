import BylineHTTP

/// What feeding some bytes to a fresh parser produced: events (body events merged, since
/// how body bytes are cut into events depends on how the input was cut) and the error, if any.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var events: [HTTPParserEvent]
    var error: HTTPParseError?

    var description: String {
        let shown = events.map { event -> String in
            switch event {
            case .head(let head, let framing): "head(\(head.method) \(head.target) \(framing))"
            case .body(let bytes): "body(\(String(decoding: bytes, as: UTF8.self).debugDescription))"
            case .end: "end"
            }
        }
        return "\(shown)" + (error.map { " error: \($0)" } ?? "")
    }

    /// Heads, in order.
    var heads: [HTTPRequestHead] {
        events.compactMap { if case .head(let head, _) = $0 { head } else { nil } }
    }

    /// Number of complete messages (`.end` events).
    var messageCount: Int { events.filter { $0 == .end }.count }
}

enum ParserHarness {
    /// A request: the request line, header field lines, the empty line, then `body`.
    static func request(_ requestLine: String, _ fields: [String] = ["Host: example.com"],
                        body: String = "") -> String {
        ([requestLine] + fields).map { $0 + "\r\n" }.joined() + "\r\n" + body
    }

    /// Limits small enough to trip in a test.
    static func limits(requestLine: Int = 8192, headerBytes: Int = 16384, headerCount: Int = 100,
                       body: Int = 8 * 1024 * 1024) -> ServerLimits {
        var limits = ServerLimits()
        limits.maxRequestLineBytes = requestLine
        limits.maxHeaderBytes = headerBytes
        limits.maxHeaderCount = headerCount
        limits.maxBodyBytes = body
        return limits
    }

    /// Feeds `bytes` in pieces cut at `cuts` (offsets, any order) and returns the outcome.
    /// Stops at the first error, as a server does.
    static func parse(_ bytes: [UInt8], cuts: [Int] = [], limits: ServerLimits = ServerLimits()) -> ParseOutcome {
        var parser = HTTPRequestParser(limits: limits)
        var events: [HTTPParserEvent] = []
        var start = 0
        for end in (cuts.filter { $0 > 0 && $0 < bytes.count }.sorted() + [bytes.count]) where end >= start {
            do {
                try parser.parse(Array(bytes[start ..< end]), into: &events)
            } catch {
                return ParseOutcome(events: mergeBodies(events), error: error)
            }
            start = end
        }
        return ParseOutcome(events: mergeBodies(events), error: nil)
    }

    static func parse(_ text: String, cuts: [Int] = [], limits: ServerLimits = ServerLimits()) -> ParseOutcome {
        parse(Array(text.utf8), cuts: cuts, limits: limits)
    }

    /// Feeds one byte per call.
    static func parseByteByByte(_ bytes: [UInt8], limits: ServerLimits = ServerLimits()) -> ParseOutcome {
        parse(bytes, cuts: Array(0 ..< bytes.count), limits: limits)
    }

    /// Adjacent `.body` events joined into one.
    static func mergeBodies(_ events: [HTTPParserEvent]) -> [HTTPParserEvent] {
        var merged: [HTTPParserEvent] = []
        for event in events {
            if case .body(let more) = event, case .body(let previous)? = merged.last {
                merged[merged.count - 1] = .body(previous + more)
            } else if case .body(let bytes) = event, bytes.isEmpty {
                continue
            } else {
                merged.append(event)
            }
        }
        return merged
    }
}
