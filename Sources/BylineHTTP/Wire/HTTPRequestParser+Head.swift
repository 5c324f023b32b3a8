extension HTTPRequestParser {
    /// What the parser has learnt about the message being received. Positions refer to the
    /// parser's buffer, which holds the whole head until `.head` is reported.
    struct MessageInProgress: Sendable {
        var emptyLinesBeforeRequest = 0
        /// The method is `buffer[0 ..< methodEnd]`, the target `buffer[targetStart ..< targetEnd]`.
        var methodEnd = 0
        var targetStart = 0
        var targetEnd = 0
        var version = HTTPVersion.http1_1
        /// The field line being scanned.
        var currentField = FieldLine()
        /// Header field lines in order (trailer fields are checked, never stored).
        var fields: [FieldLine] = []
        /// Bytes received after the request line: header section, then trailer section.
        var fieldSectionBytes = 0
        /// Field lines received: header section, then trailer section.
        var fieldCount = 0
        var host: FieldLine?
        var contentLength: Int?
        var transferEncoding: FieldLine?
        var transferEncodingCount = 0
        /// Sum of the chunk sizes received so far (chunked framing).
        var chunkedBodyBytes = 0
        /// Whether the connection stays open after this message (RFC 9112 §9.3).
        var keepAlive = true

        /// Forgets the message but keeps the field array's storage for the next one.
        mutating func reset() {
            fields.removeAll(keepingCapacity: true)
            let emptyFields = fields
            self = MessageInProgress()
            fields = emptyFields
        }
    }

    /// A header field line is complete: record it, and check at once the fields that decide
    /// routing and framing, so a bad one is refused before the rest of the head arrives.
    mutating func noteHeaderField(_ field: FieldLine) throws(HTTPParseError) {
        message.fields.append(field)
        if HTTPGrammar.equalsIgnoringCase(buffer, field.name, lowercase: "host") {
            // RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to
            // any HTTP/1.1 request message that lacks a Host header field and to any request
            // message that contains more than one Host header field line or a Host header
            // field with an invalid field value."
            guard message.host == nil else {
                throw .badRequest("More than one Host header field (RFC 9112 §3.2).")
            }
            guard HTTPHostSyntax.isHostFieldValue(buffer, field.value) else {
                throw .badRequest("Invalid Host header field value (RFC 9112 §3.2, RFC 9110 §7.2).")
            }
            message.host = field
        } else if HTTPGrammar.equalsIgnoringCase(buffer, field.name, lowercase: "content-length") {
            // RFC 9112 §6.3 item 5 and RFC 9110 §8.6: an invalid Content-Length is an
            // unrecoverable framing error. RFC 9110 allows identical duplicates (`5, 5` or two
            // lines); we reject any, as a smuggling defence.
            guard message.contentLength == nil else {
                throw .badRequest("More than one Content-Length header field (RFC 9112 §6.3).")
            }
            try rejectContentLengthWithTransferEncoding(message.transferEncoding != nil)
            message.contentLength = try parseContentLength(field.value)
        } else if HTTPGrammar.equalsIgnoringCase(buffer, field.name, lowercase: "transfer-encoding") {
            try rejectContentLengthWithTransferEncoding(message.contentLength != nil)
            // RFC 9112 §6.1: a server MUST treat Transfer-Encoding in an HTTP/1.0 message as
            // faulty framing; we reject it.
            guard message.version != .http1_0 else {
                throw .badRequest("Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1).")
            }
            message.transferEncodingCount += 1
            if message.transferEncoding == nil { message.transferEncoding = field }
        }
    }

    /// RFC 9112 §6.3 item 3: Content-Length with Transfer-Encoding "ought to be handled as
    /// an error" (request smuggling); we always reject rather than strip Content-Length.
    private func rejectContentLengthWithTransferEncoding(_ bothPresent: Bool) throws(HTTPParseError) {
        if bothPresent {
            throw .badRequest("Content-Length and Transfer-Encoding together (RFC 9112 §6.3).")
        }
    }

    /// RFC 9110 §8.6: `Content-Length = 1*DIGIT`: no sign, no inner whitespace, no list. More
    /// than 18 digits could overflow `Int`, and is no length we would accept anyway.
    private func parseContentLength(_ range: Range<Int>) throws(HTTPParseError) -> Int {
        let invalid = HTTPParseError.badRequest("Content-Length must be 1 to 18 decimal digits (RFC 9110 §8.6).")
        guard !range.isEmpty, range.count <= 18 else { throw invalid }
        var length = 0
        for index in range {
            let byte = buffer[index]
            guard HTTPGrammar.isDigit(byte) else { throw invalid }
            length = length * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return length
    }

    /// The empty line ending the header section has arrived: check what needs the whole
    /// head, report it, and move on to the body.
    mutating func completeHead(into events: inout [HTTPParserEvent]) throws(HTTPParseError) {
        if message.host == nil && message.version == .http1_1 {
            throw .badRequest("An HTTP/1.1 request must have a Host header field (RFC 9112 §3.2).")
        }
        let framing = try bodyFraming()
        if case .length(let length) = framing, length > limits.maxBodyBytes {
            // RFC 9110 §15.5.14: 413, answered before reading the body, so the head is not
            // reported.
            throw .contentTooLarge
        }

        let head = makeHead()
        message.keepAlive = head.wantsKeepAlive
        events.append(.head(head, framing))
        buffer.removeAll(keepingCapacity: true)
        lineStart = 0
        switch framing {
        case .none:
            finishMessage(into: &events)
        case .length(let length):
            state = .fixedBody(remaining: length)
        case .chunked:
            state = .chunkSizeLine
        }
    }

    /// RFC 9112 §6.3: how the body of a request is delimited. Conflicts and malformed
    /// Content-Length were refused field by field (`noteHeaderField`).
    private func bodyFraming() throws(HTTPParseError) -> HTTPBodyFraming {
        if let contentLength = message.contentLength {
            return contentLength == 0 ? .none : .length(contentLength)
        }
        if let transferEncoding = message.transferEncoding {
            // §6.1: chunked must be the final coding and applied once; we implement no other
            // coding, so the only acceptable value is exactly "chunked" (case-insensitive, §7).
            // Anything else gets 501 (§6.1 SHOULD, RFC 9110 §15.6.2).
            guard message.transferEncodingCount == 1 else {
                throw .notImplemented("Only one Transfer-Encoding field, \"chunked\", is supported (RFC 9112 §6.1).")
            }
            guard HTTPGrammar.equalsIgnoringCase(buffer, transferEncoding.value, lowercase: "chunked") else {
                throw .notImplemented("Only the \"chunked\" transfer coding is supported (RFC 9112 §6.1).")
            }
            return .chunked
        }
        // §6.3 item 7: a request with neither has no body.
        return .none
    }

    /// Builds the public head; the only place Strings are made.
    private func makeHead() -> HTTPRequestHead {
        let method = HTTPMethod(String(decoding: buffer[0 ..< message.methodEnd], as: UTF8.self))
        let target = String(decoding: buffer[message.targetStart ..< message.targetEnd], as: UTF8.self)
        var fields: [HTTPField] = []
        fields.reserveCapacity(message.fields.count)
        for field in message.fields {
            fields.append(HTTPField(name: String(decoding: buffer[field.name], as: UTF8.self),
                                    value: Self.fieldValueString(buffer[field.value])))
        }
        return HTTPRequestHead(method: method, target: target, version: message.version,
                               headers: HTTPHeaders(fields))
    }

    /// Field values are bytes; RFC 9110 §5.5 allows obs-text (≥ 0x80) and notes it was
    /// historically ISO-8859-1. Today's clients send UTF-8, so: UTF-8 when valid, otherwise
    /// each byte as its ISO-8859-1 character (nothing is lost or replaced).
    static func fieldValueString(_ bytes: ArraySlice<UInt8>) -> String {
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}
