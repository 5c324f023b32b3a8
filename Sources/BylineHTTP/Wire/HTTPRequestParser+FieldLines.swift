extension HTTPRequestParser {
    /// Where a field line's name and (OWS-trimmed) value sit in the parser's buffer.
    struct FieldLine: Sendable, Hashable {
        var name: Range<Int> = 0 ..< 0
        var value: Range<Int> = 0 ..< 0
    }

    /// Checks one byte of a field line, in the header section or the trailer section alike
    /// (RFC 9112 §7.1.2 applies the same rules to both).
    ///
    /// RFC 9112 §5: `field-line = field-name ":" OWS field-value OWS`, then CRLF.
    mutating func scanFieldLineByte(_ byte: UInt8, at position: Int) throws(HTTPParseError) {
        switch phase {
        case .fieldLineStart:
            if byte == HTTPGrammar.cr {
                // The empty line that ends the section, if LF follows.
                phase = .lineFeed(contentEnd: position)
                return
            }
            if HTTPGrammar.isWhitespace(byte) {
                // §5.2: obs-fold (a line starting with SP/HTAB) is obsolete; a server MUST
                // reject it or replace it, and we reject. (§2.2 says the same of whitespace
                // between the request line and the first field line.)
                throw .badRequest("Obsolete line folding is not accepted (RFC 9112 §5.2).")
            }
            // A field line begins: the count limit trips as soon as one too many starts.
            message.fieldCount += 1
            if message.fieldCount > limits.maxHeaderCount {
                throw .headerFieldsTooLarge("More than \(limits.maxHeaderCount) header fields.")
            }
            guard HTTPGrammar.isTokenChar(byte) else {
                throw .badRequest(byte == HTTPGrammar.colon
                    ? "Empty header field name (RFC 9110 §5.1)."
                    : "Invalid character in a header field name (RFC 9110 §5.1).")
            }
            phase = .fieldName

        case .fieldName:
            // field-name = token (RFC 9110 §5.1)
            if HTTPGrammar.isTokenChar(byte) { return }
            if byte == HTTPGrammar.colon {
                message.currentField.name = lineStart ..< position
                phase = .fieldValueStart
                return
            }
            if HTTPGrammar.isWhitespace(byte) {
                // §5.1: no whitespace is allowed between the field name and colon; a server
                // MUST reject such a message with 400 (it is a smuggling vector).
                throw .badRequest("Whitespace in or after a header field name (RFC 9112 §5.1).")
            }
            throw .badRequest(byte == HTTPGrammar.cr
                ? "A header field line has no colon (RFC 9112 §5)."
                : "Invalid character in a header field name (RFC 9110 §5.1).")

        case .fieldValueStart, .fieldValue:
            // field-value = *field-content; the OWS around it is not part of it (§5.1).
            if HTTPGrammar.isWhitespace(byte) { return }
            if byte == HTTPGrammar.cr {
                if phase == .fieldValueStart { message.currentField.value = position ..< position }
                phase = .lineFeed(contentEnd: position)
                return
            }
            guard HTTPGrammar.isFieldValueChar(byte) else {
                // RFC 9110 §5.5: CR, LF and NUL are invalid in field values and a recipient
                // MUST reject or replace them; we reject those and every other CTL but HTAB.
                throw .badRequest("Invalid control character in a header field value (RFC 9110 §5.5).")
            }
            if phase == .fieldValueStart {
                message.currentField.value = position ..< position + 1
                phase = .fieldValue
            } else {
                message.currentField.value = message.currentField.value.lowerBound ..< position + 1
            }

        default:
            preconditionFailure("not in a field line")
        }
    }
}
