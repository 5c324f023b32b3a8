import BylineHTTP

/// A response as the strict parser read it.
struct ParsedResponse: Sendable, Equatable, CustomStringConvertible {
    enum Framing: Sendable, Equatable {
        /// No body by rule: 1xx, 204, 304, or a response to HEAD (RFC 9112 §6.3 item 1).
        case none
        case contentLength(Int)
        case chunked
    }

    var status: Int
    var reason: String
    var headers: HTTPHeaders
    var framing: Framing
    /// The body, de-chunked.
    var body: [UInt8]
    /// Trailer fields of a chunked body.
    var trailers: HTTPHeaders
    /// The method of the request this answers (for a 1xx: the request it is interim for).
    var requestMethod: HTTPMethod

    var isInterim: Bool { (100 ..< 200).contains(status) }
    var bodyText: String { String(decoding: body, as: UTF8.self) }
    var description: String { "\(status) \(reason) \(framing), \(body.count) body bytes" }
}

/// What a response did wrong, and at which byte of the stream.
struct ResponseViolation: Error, Equatable, CustomStringConvertible {
    var reason: String
    var offset: Int
    var description: String { "\(reason) (at byte \(offset))" }
}

/// A strict HTTP/1.1 response parser for tests: it checks what our server sends, byte by
/// byte, against RFC 9112 as a picky client would, and rejects anything a lenient one might
/// forgive.
///
/// - Status line `HTTP/1.1 SP 3DIGIT SP reason-phrase CRLF` (RFC 9112 §4), status 100–599.
/// - CRLF line endings only (§2.2): no bare LF, no bare CR.
/// - Field lines `token ":" OWS value OWS` with no obs-fold, no whitespace before the colon,
///   no CTL but HTAB in values (§5, RFC 9110 §5.5).
/// - Framing (§6.3): 1xx and 204 carry neither Content-Length nor Transfer-Encoding
///   (RFC 9110 §8.6, RFC 9112 §6.1); every other response but a 304 or one to HEAD is framed
///   by exactly one of a single valid `Content-Length` or `Transfer-Encoding: chunked`
///   (no close-delimited bodies), and the body is exactly that long.
/// - Nothing may follow a response with `Connection: close` (RFC 9112 §9.6), and no more
///   final responses may arrive than requests were sent.
///
/// Feed it a byte stream holding one or more responses (pipelining), in any split; tell it
/// the methods of the requests sent, in order, so it knows which responses answer HEAD.
/// Call `finish()` at end of stream to catch a truncated response.
struct StrictResponseParser {
    /// Methods of the requests not yet answered with a final response, oldest first.
    private(set) var pendingRequests: [HTTPMethod]
    /// When true, 2xx–4xx responses must carry a `Date` field (RFC 9110 §6.6.1: an origin
    /// server with a clock MUST send one).
    var requireDate = false

    private var buffer: [UInt8] = []
    /// Stream offset of `buffer[0]`, for violation messages.
    private var consumed = 0
    private var closed = false

    init(requestMethods: [HTTPMethod] = [.get]) {
        pendingRequests = requestMethods
    }

    init(requestMethod: HTTPMethod...) {
        self.init(requestMethods: requestMethod)
    }

    /// Registers one more request sent on the connection.
    mutating func expectResponse(to method: HTTPMethod) {
        pendingRequests.append(method)
    }

    /// True when no partial response is buffered.
    var isIdle: Bool { buffer.isEmpty }

    /// Appends `bytes` to the stream and returns the responses they complete, in order.
    mutating func parse(_ bytes: [UInt8]) throws(ResponseViolation) -> [ParsedResponse] {
        buffer += bytes
        var responses: [ParsedResponse] = []
        while !buffer.isEmpty {
            if closed {
                throw ResponseViolation(reason: "bytes after a response with Connection: close (RFC 9112 §9.6)",
                                        offset: consumed)
            }
            var reader = Reader(bytes: buffer, base: consumed)
            guard let response = try readResponse(&reader) else { break }
            buffer.removeFirst(reader.position)
            consumed += reader.position
            if !response.isInterim {
                pendingRequests.removeFirst()
                if response.headers.containsToken("close", in: "Connection") { closed = true }
            }
            responses.append(response)
        }
        return responses
    }

    mutating func parse(_ text: String) throws(ResponseViolation) -> [ParsedResponse] {
        try parse(Array(text.utf8))
    }

    /// End of stream: a partial response is a violation.
    func finish() throws(ResponseViolation) {
        guard buffer.isEmpty else {
            throw ResponseViolation(reason: "stream ends inside a response (\(buffer.count) bytes left)", offset: consumed)
        }
    }

    // MARK: - One response

    /// Reads one complete response, or returns nil if the buffer does not hold one yet.
    private func readResponse(_ reader: inout Reader) throws(ResponseViolation) -> ParsedResponse? {
        // Judge the start of a status line as soon as it arrives, so that surplus body bytes
        // are caught without waiting for a CRLF that may never come.
        let start = reader.bytes.prefix(Self.statusLinePrefix.count)
        guard start.elementsEqual(Self.statusLinePrefix.prefix(start.count)) else {
            throw reader.violation("status line must start with \"HTTP/1.1 \": \(String(decoding: start, as: UTF8.self).debugDescription)")
        }
        guard let statusLine = try reader.line() else { return nil }
        let (status, reason) = try Self.parseStatusLine(statusLine, at: reader.base)
        guard let headers = try reader.fieldSection() else { return nil }

        let interim = (100 ..< 200).contains(status)
        guard let method = pendingRequests.first else {
            throw reader.violation("a response arrived with no request left to answer")
        }
        if requireDate && (200 ..< 500).contains(status) && !headers.contains("Date") {
            throw reader.violation("a \(status) response without Date (RFC 9110 §6.6.1)")
        }

        let contentLengths = headers.values("Content-Length")
        let transferEncodings = headers.values("Transfer-Encoding")
        if interim || status == 204 {
            guard contentLengths.isEmpty && transferEncodings.isEmpty else {
                throw reader.violation("a \(status) response with Content-Length or Transfer-Encoding (RFC 9110 §8.6, RFC 9112 §6.1)")
            }
        }
        if !contentLengths.isEmpty && !transferEncodings.isEmpty {
            throw reader.violation("Content-Length with Transfer-Encoding (RFC 9112 §6.2)")
        }
        guard contentLengths.count <= 1 else { throw reader.violation("more than one Content-Length") }
        guard transferEncodings.count <= 1 else { throw reader.violation("more than one Transfer-Encoding") }
        var declaredLength: Int?
        if let value = contentLengths.first {
            guard !value.isEmpty, value.count <= 18, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let length = Int(value) else {
                throw reader.violation("invalid Content-Length \"\(value)\" (RFC 9110 §8.6)")
            }
            declaredLength = length
        }
        if let value = transferEncodings.first, value.lowercased() != "chunked" {
            throw reader.violation("Transfer-Encoding other than chunked: \"\(value)\"")
        }

        var response = ParsedResponse(status: status, reason: reason, headers: headers, framing: .none,
                                      body: [], trailers: HTTPHeaders(), requestMethod: method)
        // RFC 9112 §6.3 item 1: these never have a body, whatever their fields say.
        if interim || status == 204 || status == 304 || method == .head {
            return response
        }
        if let length = declaredLength {
            guard let body = reader.take(length) else { return nil }
            response.framing = .contentLength(length)
            response.body = body
            return response
        }
        if !transferEncodings.isEmpty {
            guard let (body, trailers) = try reader.chunkedBody() else { return nil }
            response.framing = .chunked
            response.body = body
            response.trailers = trailers
            return response
        }
        throw reader.violation("a \(status) response without Content-Length or chunked framing (close-delimited)")
    }

    /// `status-line = HTTP-version SP status-code SP [ reason-phrase ]` (RFC 9112 §4).
    private static let statusLinePrefix = Array("HTTP/1.1 ".utf8)

    private static func parseStatusLine(_ line: [UInt8], at offset: Int) throws(ResponseViolation) -> (Int, String) {
        guard line.count >= 13, Array(line[0 ..< 9]) == statusLinePrefix else {
            throw ResponseViolation(reason: "status line must start with \"HTTP/1.1 \": \(String(decoding: line, as: UTF8.self).debugDescription)", offset: offset)
        }
        let digits = line[9 ..< 12]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), line[12] == 0x20,
              let status = Int(String(decoding: digits, as: UTF8.self)), (100 ... 599).contains(status) else {
            throw ResponseViolation(reason: "status line needs a 3-digit status 100–599 then SP", offset: offset)
        }
        let reason = line[13...]
        // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
        guard reason.allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F }) else {
            throw ResponseViolation(reason: "control character in the reason phrase", offset: offset)
        }
        return (status, String(decoding: reason, as: UTF8.self))
    }

    // MARK: - Reading bytes

    private struct Reader {
        let bytes: [UInt8]
        /// Stream offset of `bytes[0]`.
        let base: Int
        var position = 0

        func violation(_ reason: String) -> ResponseViolation {
            ResponseViolation(reason: reason, offset: base + position)
        }

        /// The next line without its CRLF, or nil if it is not complete yet.
        mutating func line() throws(ResponseViolation) -> [UInt8]? {
            var index = position
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    throw ResponseViolation(reason: "bare LF (RFC 9112 §2.2)", offset: base + index)
                case 0x0D:
                    guard index + 1 < bytes.count else { return nil }
                    guard bytes[index + 1] == 0x0A else {
                        throw ResponseViolation(reason: "bare CR (RFC 9112 §2.2)", offset: base + index)
                    }
                    let line = Array(bytes[position ..< index])
                    position = index + 2
                    return line
                default:
                    index += 1
                }
            }
            return nil
        }

        /// Field lines up to the empty line (RFC 9112 §5), or nil if not complete yet.
        mutating func fieldSection() throws(ResponseViolation) -> HTTPHeaders? {
            var headers = HTTPHeaders()
            while true {
                let lineOffset = base + position
                guard let line = try self.line() else { return nil }
                if line.isEmpty { return headers }
                let field = try Self.parseFieldLine(line, at: lineOffset)
                headers.add(field.name, field.value)
            }
        }

        private static func parseFieldLine(_ line: [UInt8], at offset: Int) throws(ResponseViolation) -> HTTPField {
            func fail(_ reason: String) -> ResponseViolation { ResponseViolation(reason: reason, offset: offset) }
            guard line[0] != 0x20 && line[0] != 0x09 else { throw fail("obs-fold (RFC 9112 §5.2)") }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw fail("field line without colon") }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenChar) else {
                throw fail("invalid field name \(String(decoding: name, as: UTF8.self).debugDescription) (RFC 9110 §5.1)")
            }
            var value = line[(colon + 1)...]
            while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
            while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
            guard value.allSatisfy({ $0 == 0x09 || $0 >= 0x20 && $0 != 0x7F }) else {
                throw fail("control character in the value of \(String(decoding: name, as: UTF8.self)) (RFC 9110 §5.5)")
            }
            return HTTPField(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }

        /// The next `count` bytes, or nil if they have not all arrived.
        mutating func take(_ count: Int) -> [UInt8]? {
            guard bytes.count - position >= count else { return nil }
            defer { position += count }
            return Array(bytes[position ..< position + count])
        }

        /// A chunked body and its trailers (RFC 9112 §7.1), or nil if not complete yet.
        mutating func chunkedBody() throws(ResponseViolation) -> ([UInt8], HTTPHeaders)? {
            var body: [UInt8] = []
            while true {
                let lineOffset = base + position
                guard let line = try self.line() else { return nil }
                // chunk-size [ chunk-ext ]: we only need the size; a sender has no business
                // padding it, so no whitespace is allowed before an extension either.
                let sizeDigits = line.prefix { Self.isHexDigit($0) }
                guard !sizeDigits.isEmpty, sizeDigits.count <= 16,
                      sizeDigits.count == line.count || line[sizeDigits.count] == UInt8(ascii: ";"),
                      let size = Int(String(decoding: sizeDigits, as: UTF8.self), radix: 16) else {
                    throw ResponseViolation(reason: "invalid chunk-size line \(String(decoding: line, as: UTF8.self).debugDescription)", offset: lineOffset)
                }
                if size == 0 {
                    guard let trailers = try fieldSection() else { return nil }
                    return (body, trailers)
                }
                guard let data = take(size) else { return nil }
                body += data
                guard bytes.count - position >= 2 else { return nil }
                guard bytes[position] == 0x0D, bytes[position + 1] == 0x0A else {
                    throw violation("chunk data not followed by CRLF (RFC 9112 §7.1)")
                }
                position += 2
            }
        }

        private static func isTokenChar(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x30 ... 0x39, 0x41 ... 0x5A, 0x61 ... 0x7A: true
            default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
            }
        }

        private static func isHexDigit(_ byte: UInt8) -> Bool {
            (0x30 ... 0x39).contains(byte) || (0x41 ... 0x46).contains(byte) || (0x61 ... 0x66).contains(byte)
        }
    }
}
