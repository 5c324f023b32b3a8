/// The host and authority syntax the request parser checks (RFC 3986 §3.2, RFC 9110 §4.2
/// and §7.2, RFC 9112 §3.2).
enum HTTPHostSyntax {
    /// `Host = uri-host [ ":" port ]` (RFC 9110 §7.2); an empty value is allowed (RFC 9112
    /// §3.2) for targets without an authority.
    static func isHostFieldValue(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        range.isEmpty || isHostAndPort(bytes, range, requirePort: false)
    }

    /// `authority-form = uri-host ":" port` (RFC 9112 §3.2.3); CONNECT has no default port
    /// (RFC 9110 §9.3.6), so the port is required.
    static func isAuthorityForm(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        isHostAndPort(bytes, range, requirePort: true)
    }

    /// `absolute-URI` with an authority (`scheme "://" authority path-abempty [ "?" query ]`,
    /// RFC 3986 §3). RFC 9110 §4.2.1: an http(s) URI with an empty host MUST be rejected;
    /// §4.2.4: userinfo (`user@host`) SHOULD be treated as an error, and we do.
    static func validateAbsoluteForm(_ bytes: [UInt8], _ range: Range<Int>) throws(HTTPParseError) {
        let invalid = HTTPParseError.badRequest(
            "The request-target must be origin-form (/path) or absolute-form (http://host/path) (RFC 9112 §3.2).")
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1)
        var index = range.lowerBound
        guard HTTPGrammar.isAlpha(bytes[index]) else { throw invalid }
        index += 1
        while index < range.upperBound {
            let byte = bytes[index]
            guard HTTPGrammar.isAlpha(byte) || HTTPGrammar.isDigit(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == HTTPGrammar.period else { break }
            index += 1
        }
        guard range.upperBound - index >= 3, bytes[index] == HTTPGrammar.colon,
              bytes[index + 1] == HTTPGrammar.slash, bytes[index + 2] == HTTPGrammar.slash
        else { throw invalid }
        index += 3
        let authorityStart = index
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == HTTPGrammar.slash || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "@") {
                throw .badRequest("User information (user@host) is not allowed in the request-target (RFC 9110 §4.2.4).")
            }
            index += 1
        }
        let authority = authorityStart ..< index
        guard !authority.isEmpty, isHostAndPort(bytes, authority, requirePort: false) else {
            throw .badRequest("The absolute-form request-target has no valid host (RFC 9110 §4.2.1).")
        }
    }

    /// `uri-host [ ":" port ]`, `uri-host = IP-literal / IPv4address / reg-name`
    /// (RFC 3986 §3.2.2): a bracketed IP literal, or a reg-name of unreserved characters,
    /// percent-encodings and sub-delims. Whitespace, `/`, `@`, `?`, `#` and `\` never belong.
    private static func isHostAndPort(_ bytes: [UInt8], _ range: Range<Int>, requirePort: Bool) -> Bool {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return false }
        if bytes[index] == UInt8(ascii: "[") {
            // IP-literal = "[" ( IPv6address / IPvFuture ) "]": hex digits, ":" and "." (for
            // an embedded IPv4), plus the unreserved/sub-delims IPvFuture may use.
            index += 1
            let literalStart = index
            while index < end && bytes[index] != UInt8(ascii: "]") {
                let byte = bytes[index]
                guard isUnreserved(byte) || isSubDelim(byte) || byte == HTTPGrammar.colon else { return false }
                index += 1
            }
            guard index < end, index > literalStart else { return false }
            index += 1
        } else {
            let hostStart = index
            while index < end && bytes[index] != HTTPGrammar.colon {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%") {
                    // pct-encoded = "%" HEXDIG HEXDIG (RFC 3986 §2.1)
                    guard end - index >= 3, HTTPGrammar.hexValue(bytes[index + 1]) != nil,
                          HTTPGrammar.hexValue(bytes[index + 2]) != nil else { return false }
                    index += 3
                    continue
                }
                guard isUnreserved(byte) || isSubDelim(byte) else { return false }
                index += 1
            }
            guard index > hostStart else { return false }
        }
        if index == end { return !requirePort }
        // port = *DIGIT (RFC 3986 §3.2.3); five digits are enough for any TCP port.
        guard bytes[index] == HTTPGrammar.colon else { return false }
        index += 1
        let portStart = index
        while index < end {
            guard HTTPGrammar.isDigit(bytes[index]) else { return false }
            index += 1
        }
        let portLength = end - portStart
        return portLength <= 5 && (portLength > 0 || !requirePort)
    }

    /// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"` (RFC 3986 §2.3)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        HTTPGrammar.isAlpha(byte) || HTTPGrammar.isDigit(byte) || byte == UInt8(ascii: "-")
            || byte == HTTPGrammar.period || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`
    /// (RFC 3986 §2.2)
    private static func isSubDelim(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }
}
