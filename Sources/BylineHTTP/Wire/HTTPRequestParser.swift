/// Incremental, allocation-light HTTP/1.1 request parser (RFC 9112). Pure: no I/O.
///
/// Feed it the bytes of a connection in any split; it reports `.head`, `.body` and `.end`
/// events in order and buffers only what cannot be decided yet: the partial head (request
/// line and field lines), a partial chunk-size line or a partial trailer line. Body bytes are
/// passed through as they arrive.
///
/// Splitting the input differently never changes the heads, the body bytes, the `.end`s or
/// the error: request and field lines are checked byte by byte, left to right, and each
/// byte's limit check comes before its syntax check, so an error is reported at the first
/// offending byte whatever the split. (Chunk-size lines are checked when their LF arrives;
/// only their length limit applies before, and it only grows.) Only the number of `.body`
/// events depends on the split.
///
/// Pipelining: after `.end`, the following bytes start the next request, in the same call.
/// After the first error the parser is dead and every later call throws that error again; the
/// server answers once and closes (RFC 9112 §11: a recipient never resynchronises).
///
/// The rules live in extensions, one concern per file: `+RequestLine` (RFC 9112 §3),
/// `+FieldLines` (§5), `+Head` (Host §3.2, framing §6), `+Chunked` (§7.1), `+HostSyntax`
/// (RFC 3986 authority) and `+Grammar` (the byte classes of RFC 9110 §5.6).
public struct HTTPRequestParser: Sendable {
    public let limits: ServerLimits

    /// Where in a message the next byte belongs.
    enum State: Sendable, Hashable {
        /// Before or inside the request line (leading empty lines included).
        case requestLine
        /// Inside the header section, after the request line.
        case headerFields
        /// Inside a `Content-Length` body; this many bytes are still due.
        case fixedBody(remaining: Int)
        /// Inside a chunk-size line (size, extensions, CRLF).
        case chunkSizeLine
        /// Inside chunk data; this many bytes of the current chunk are still due.
        case chunkData(remaining: Int)
        /// After chunk data, expecting its CR.
        case chunkDataCR
        /// After chunk data and CR, expecting LF.
        case chunkDataLF
        /// Inside the trailer section of a chunked body.
        case trailerFields
        /// After a message that closes the connection: only stray CR/LF may follow.
        case closed
        /// After an error: every call throws it again.
        case failed(HTTPParseError)
    }

    /// Where inside a request line or field line the next byte belongs.
    enum LinePhase: Sendable, Hashable {
        case requestLineStart, method, targetStart, target
        /// Inside the HTTP-version; this many of its 8 bytes have been checked.
        case version(checked: Int)
        case afterVersion
        case fieldLineStart, fieldName, fieldValueStart, fieldValue
        /// After the CR that ends the line content at `contentEnd`; LF must follow.
        case lineFeed(contentEnd: Int)
    }

    var state: State = .requestLine
    var phase: LinePhase = .requestLineStart
    /// The unit being assembled. In `.requestLine`/`.headerFields`: the whole head, from the
    /// first byte of the request line (leading empty lines are dropped). In `.chunkSizeLine`
    /// and `.trailerFields`: the current line only.
    var buffer: [UInt8] = []
    /// Index in `buffer` of the first byte of the line being received.
    var lineStart = 0
    /// What has been learnt about the message in progress.
    var message = MessageInProgress()

    /// Empty lines tolerated before a request line. RFC 9112 §2.2 asks servers to ignore
    /// at least one (some clients send CRLF after a POST body); more is noise or an attack.
    static let maxEmptyLinesBeforeRequest = 8
    /// Longest chunk-size line (size, extensions and CRLF). Extensions carry nothing we use,
    /// so a generous fixed bound is enough to keep the buffer small.
    static let maxChunkSizeLineBytes = 4096

    public init(limits: ServerLimits = ServerLimits()) {
        self.limits = limits
        buffer.reserveCapacity(1024)
        message.fields.reserveCapacity(16)
    }

    /// Whether no part of a request is buffered: the connection is between messages (or the
    /// parser is dead, or only waiting for the peer to close). A peer closing now is a clean
    /// end, not a truncated request.
    public var isIdle: Bool {
        switch state {
        case .requestLine: buffer.isEmpty && phase == .requestLineStart
        case .closed, .failed: true
        default: false
        }
    }

    /// Bytes held back because they do not complete anything yet.
    public var bytesBuffered: Int { buffer.count }

    /// Consumes `bytes` and appends the events they complete to `events`, in order. Bytes that
    /// do not yet complete anything are buffered. Throws on the first violation; after that
    /// the parser is dead and throws the same error again.
    ///
    /// When it throws, `events` keeps every event completed before the offending byte (for
    /// example a whole pipelined request followed by garbage): answer those first, then the
    /// error.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer,
                               into events: inout [HTTPParserEvent]) throws(HTTPParseError) {
        if case .failed(let error) = state { throw error }
        do {
            try consume(bytes, into: &events)
        } catch {
            state = .failed(error)
            buffer = []
            message = MessageInProgress()
            throw error
        }
    }

    /// Convenience for callers holding an array.
    public mutating func parse(_ bytes: [UInt8],
                               into events: inout [HTTPParserEvent]) throws(HTTPParseError) {
        let result: Result<Void, HTTPParseError> = bytes.withUnsafeBytes { raw in
            do throws(HTTPParseError) {
                try self.parse(raw, into: &events)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    // MARK: - The byte loop

    private mutating func consume(_ bytes: UnsafeRawBufferPointer,
                                  into events: inout [HTTPParserEvent]) throws(HTTPParseError) {
        var index = 0
        let count = bytes.count
        while index < count {
            switch state {
            case .requestLine, .headerFields, .trailerFields:
                index = try scanLine(bytes, from: index, into: &events)

            case .chunkSizeLine:
                index = try bufferChunkSizeLine(bytes, from: index)

            case .fixedBody(let remaining):
                let take = min(remaining, count - index)
                events.append(.body(Array(UnsafeRawBufferPointer(rebasing: bytes[index ..< index + take]))))
                index += take
                if take == remaining {
                    finishMessage(into: &events)
                } else {
                    state = .fixedBody(remaining: remaining - take)
                }

            case .chunkData(let remaining):
                let take = min(remaining, count - index)
                events.append(.body(Array(UnsafeRawBufferPointer(rebasing: bytes[index ..< index + take]))))
                index += take
                state = take == remaining ? .chunkDataCR : .chunkData(remaining: remaining - take)

            case .chunkDataCR:
                // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
                guard bytes[index] == HTTPGrammar.cr else {
                    throw .badRequest("Chunk data must be followed by CRLF (RFC 9112 §7.1).")
                }
                index += 1
                state = .chunkDataLF

            case .chunkDataLF:
                guard bytes[index] == HTTPGrammar.lf else {
                    throw .badRequest("Chunk data must be followed by CRLF (RFC 9112 §7.1).")
                }
                index += 1
                state = .chunkSizeLine

            case .closed:
                // RFC 9112 §9.6: after a request with the "close" option (or an HTTP/1.0
                // request without keep-alive) the server MUST NOT process further requests.
                // Stray line endings are tolerated, as before any request line (§2.2).
                let byte = bytes[index]
                guard byte == HTTPGrammar.cr || byte == HTTPGrammar.lf else {
                    throw .badRequest("Data after a request that closes the connection (RFC 9112 §9.6).")
                }
                index += 1

            case .failed(let error):
                throw error
            }
        }
    }

    /// Buffers bytes of a request line or field line up to and including the next LF, and
    /// checks each one (limit, then syntax). Returns the index of the first byte not consumed.
    private mutating func scanLine(_ bytes: UnsafeRawBufferPointer, from start: Int,
                                   into events: inout [HTTPParserEvent]) throws(HTTPParseError) -> Int {
        var end = start
        while end < bytes.count && bytes[end] != HTTPGrammar.lf { end += 1 }
        if end < bytes.count { end += 1 }
        // Never buffer much past the limit: the byte that trips it is within this bound.
        end = min(end, start + remainingLineBudget + 2)

        let firstNew = buffer.count
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start ..< end]))
        for position in firstNew ..< buffer.count {
            try countAgainstLimits(position)
            if try scanByte(at: position) {
                // `scanByte` reports a complete line only for an LF, the last byte here.
                try completeLine(into: &events)
            }
        }
        return end
    }

    /// How many more bytes the section being received may take before its limit trips.
    private var remainingLineBudget: Int {
        switch state {
        case .requestLine: max(0, limits.maxRequestLineBytes - (buffer.count - lineStart))
        default: max(0, limits.maxHeaderBytes - message.fieldSectionBytes)
        }
    }

    /// The size limits, byte by byte, so that a line that never ends trips them too.
    private mutating func countAgainstLimits(_ position: Int) throws(HTTPParseError) {
        switch state {
        case .requestLine:
            // The request line is measured without its CRLF (ServerLimits): a CR or LF
            // never trips it; whether they are a valid line ending is `scanByte`'s business.
            let byte = buffer[position]
            if byte != HTTPGrammar.cr && byte != HTTPGrammar.lf
                && position - lineStart + 1 > limits.maxRequestLineBytes {
                throw .uriTooLong
            }
        default:
            // Everything after the request line counts, line endings and the final empty
            // line included; trailer bytes count against the same budget (RFC 6585 §5).
            message.fieldSectionBytes += 1
            if message.fieldSectionBytes > limits.maxHeaderBytes {
                throw .headerFieldsTooLarge(
                    "The header section is larger than \(limits.maxHeaderBytes) bytes.")
            }
        }
    }

    /// Checks the byte at `position` against the line grammar. Returns true when it is the LF
    /// that completes a line.
    private mutating func scanByte(at position: Int) throws(HTTPParseError) -> Bool {
        let byte = buffer[position]
        if case .lineFeed = phase {
            guard byte == HTTPGrammar.lf else {
                throw .badRequest("A CR must be followed by LF (RFC 9112 §2.2).")
            }
            return true
        }
        if byte == HTTPGrammar.lf {
            // RFC 9112 §2.2: a recipient MAY accept a bare LF as a line terminator; we
            // do not: every line must end in CRLF.
            throw .badRequest("Lines must end with CRLF, not a bare LF (RFC 9112 §2.2).")
        }
        switch phase {
        case .requestLineStart, .method, .targetStart, .target, .version, .afterVersion:
            try scanRequestLineByte(byte, at: position)
        case .fieldLineStart, .fieldName, .fieldValueStart, .fieldValue:
            try scanFieldLineByte(byte, at: position)
        case .lineFeed:
            preconditionFailure("handled above")
        }
        return false
    }

    /// A line has ended with CRLF; `phase` holds where its content ends.
    private mutating func completeLine(into events: inout [HTTPParserEvent]) throws(HTTPParseError) {
        guard case .lineFeed(let contentEnd) = phase else { preconditionFailure("no line to complete") }
        let isEmptyLine = contentEnd == lineStart
        switch state {
        case .requestLine:
            if isEmptyLine {
                // RFC 9112 §2.2: ignore (a few) empty lines received before the request line.
                message.emptyLinesBeforeRequest += 1
                if message.emptyLinesBeforeRequest > Self.maxEmptyLinesBeforeRequest {
                    throw .badRequest("Too many empty lines before the request line (RFC 9112 §2.2).")
                }
                buffer.removeAll(keepingCapacity: true)
                lineStart = 0
                phase = .requestLineStart
                return
            }
            state = .headerFields

        case .headerFields:
            if isEmptyLine {
                try completeHead(into: &events)
                return
            }
            try noteHeaderField(message.currentField)

        case .trailerFields:
            buffer.removeAll(keepingCapacity: true)
            lineStart = 0
            phase = .fieldLineStart
            if isEmptyLine {
                finishMessage(into: &events)
            }
            // Trailer fields were checked like header fields (RFC 9112 §7.1.2) and are
            // discarded: nothing in this server reads them.
            return

        default:
            preconditionFailure("completeLine outside a line state")
        }
        lineStart = buffer.count
        phase = .fieldLineStart
    }

    /// The message is complete: report it and get ready for the next one, or for the end of
    /// the connection when this message closes it (RFC 9112 §9.3).
    mutating func finishMessage(into events: inout [HTTPParserEvent]) {
        events.append(.end)
        let keepAlive = message.keepAlive
        buffer.removeAll(keepingCapacity: true)
        lineStart = 0
        phase = .requestLineStart
        message.reset()
        state = keepAlive ? .requestLine : .closed
    }
}
