extension HTTPRequestParser {
    /// Buffers bytes of a chunk-size line up to and including the next LF; when the LF
    /// arrives, checks the line and moves on to the chunk data (or the trailer section).
    /// Returns the index of the first byte not consumed.
    mutating func bufferChunkSizeLine(_ bytes: UnsafeRawBufferPointer, from start: Int) throws(HTTPParseError) -> Int {
        var end = start
        while end < bytes.count && bytes[end] != HTTPGrammar.lf { end += 1 }
        let lineComplete = end < bytes.count
        if lineComplete { end += 1 }
        // The limit comes first, before buffering, so an endless line never grows the buffer
        // past it; it only grows, so checking it per call is the same as per byte.
        if buffer.count + (end - start) > Self.maxChunkSizeLineBytes {
            throw .badRequest(
                "Chunk-size line longer than \(Self.maxChunkSizeLineBytes) bytes (RFC 9112 §7.1.1).")
        }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start ..< end]))
        guard lineComplete else { return end }

        // RFC 9112 §2.2: lines end in CRLF; a bare LF is not accepted.
        let lineFeed = buffer.count - 1
        guard lineFeed > 0, buffer[lineFeed - 1] == HTTPGrammar.cr else {
            throw .badRequest("Lines must end with CRLF, not a bare LF (RFC 9112 §2.2).")
        }
        let size = try parseChunkSizeLine(end: lineFeed - 1)
        buffer.removeAll(keepingCapacity: true)
        lineStart = 0
        if size == 0 {
            state = .trailerFields
            phase = .fieldLineStart
        } else {
            state = .chunkData(remaining: size)
        }
        return end
    }

    /// Parses the chunk-size line `buffer[0 ..< end]` (without CRLF) and returns the size.
    ///
    /// RFC 9112 §7.1: `chunk-size [ chunk-ext ] CRLF`, `chunk-size = 1*HEXDIG`, and §7.1.1:
    /// `chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )` with
    /// `chunk-ext-val = token / quoted-string`. Extensions are checked and discarded.
    private mutating func parseChunkSizeLine(end: Int) throws(HTTPParseError) -> Int {
        // chunk-size: no sign, no "0x", no leading whitespace. §7.1 asks recipients to guard
        // against overflow; 16 hex digits is the most an Int64 can hold.
        var index = 0
        var size = 0
        while index < end, let digit = HTTPGrammar.hexValue(buffer[index]) {
            guard index < 16 else {
                throw .badRequest("Chunk size longer than 16 hex digits (RFC 9112 §7.1).")
            }
            let (shifted, overflow) = size.multipliedReportingOverflow(by: 16)
            guard !overflow else { throw .badRequest("Chunk size overflows (RFC 9112 §7.1).") }
            size = shifted + digit
            index += 1
        }
        guard index > 0 else {
            throw .badRequest("Invalid chunk size; expected hex digits (RFC 9112 §7.1).")
        }
        try validateChunkExtensions(from: index, to: end)

        // The whole body is limited, and a chunk size that would take it over the limit
        // is refused before any of its bytes are read.
        if size > limits.maxBodyBytes - message.chunkedBodyBytes { throw .contentTooLarge }
        message.chunkedBodyBytes += size
        return size
    }

    /// `*( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )` over
    /// `buffer[start ..< end]` (RFC 9112 §7.1.1).
    private func validateChunkExtensions(from start: Int, to end: Int) throws(HTTPParseError) {
        let invalid = HTTPParseError.badRequest("Invalid chunk size or chunk extension (RFC 9112 §7.1.1).")
        var index = start
        while true {
            let beforeWhitespace = index
            skipWhitespace(&index, end)
            if index == end {
                // BWS is only allowed before ";", never at the end of the line.
                guard index == beforeWhitespace else { throw invalid }
                return
            }
            guard buffer[index] == HTTPGrammar.semicolon else { throw invalid }
            index += 1
            skipWhitespace(&index, end)

            let nameStart = index
            while index < end && HTTPGrammar.isTokenChar(buffer[index]) { index += 1 }
            guard index > nameStart else { throw invalid }

            var afterName = index
            skipWhitespace(&afterName, end)
            guard afterName < end, buffer[afterName] == HTTPGrammar.equals else { continue }
            index = afterName + 1
            skipWhitespace(&index, end)
            guard index < end else { throw invalid }

            if buffer[index] == HTTPGrammar.doubleQuote {
                // quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 §5.6.4)
                index += 1
                var closed = false
                while index < end {
                    let byte = buffer[index]
                    if byte == HTTPGrammar.doubleQuote { closed = true; index += 1; break }
                    if byte == HTTPGrammar.backslash {
                        guard index + 1 < end, HTTPGrammar.isQuotedPairChar(buffer[index + 1]) else { throw invalid }
                        index += 2
                        continue
                    }
                    guard HTTPGrammar.isQuotedTextChar(byte) else { throw invalid }
                    index += 1
                }
                guard closed else { throw invalid }
            } else {
                let valueStart = index
                while index < end && HTTPGrammar.isTokenChar(buffer[index]) { index += 1 }
                guard index > valueStart else { throw invalid }
            }
        }
    }

    private func skipWhitespace(_ index: inout Int, _ end: Int) {
        while index < end && HTTPGrammar.isWhitespace(buffer[index]) { index += 1 }
    }
}
