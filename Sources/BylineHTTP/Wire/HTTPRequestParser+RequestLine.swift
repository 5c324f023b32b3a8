extension HTTPRequestParser {
    /// Checks one byte of the request line (RFC 9112 §3):
    /// `request-line = method SP request-target SP HTTP-version`, then CRLF.
    ///
    /// Exactly one SP separates the parts; §3 lets lenient recipients accept other
    /// whitespace but warns that doing so invites request smuggling, so we do not.
    mutating func scanRequestLineByte(_ byte: UInt8, at position: Int) throws(HTTPParseError) {
        switch phase {
        case .requestLineStart:
            if byte == HTTPGrammar.cr {
                // An empty line before the request line (RFC 9112 §2.2), if LF follows.
                phase = .lineFeed(contentEnd: position)
                return
            }
            guard HTTPGrammar.isTokenChar(byte) else {
                throw .badRequest("The request line must start with a method token (RFC 9112 §3.1).")
            }
            phase = .method

        case .method:
            // method = token (RFC 9112 §3.1, RFC 9110 §9.1). Any token is accepted here;
            // the router decides between 405 and 501.
            if HTTPGrammar.isTokenChar(byte) { return }
            guard byte == HTTPGrammar.space else {
                throw .badRequest(byte == HTTPGrammar.cr
                    ? "The request line has no request-target (RFC 9112 §3)."
                    : "Invalid character in the method (RFC 9110 §5.6.2).")
            }
            message.methodEnd = position
            phase = .targetStart

        case .targetStart, .target:
            // request-target (RFC 9112 §3.2): visible US-ASCII only; whitespace, CTLs and
            // bytes ≥ 0x80 are rejected, never percent-encoded on the client's behalf.
            if HTTPGrammar.isVisible(byte) {
                if phase == .targetStart {
                    message.targetStart = position
                    phase = .target
                }
                return
            }
            if byte == HTTPGrammar.space {
                guard phase == .target else {
                    throw .badRequest("Exactly one space must separate the request-line parts (RFC 9112 §3).")
                }
                message.targetEnd = position
                try validateTargetForm()
                phase = .version(checked: 0)
                return
            }
            if byte == HTTPGrammar.cr {
                throw .badRequest(phase == .targetStart
                    ? "The request line has no request-target (RFC 9112 §3)."
                    : "The request line has no HTTP-version (RFC 9112 §3).")
            }
            throw .badRequest("Invalid character in the request-target (RFC 9112 §3.2).")

        case .version(let checked):
            // HTTP-version = HTTP-name "/" DIGIT "." DIGIT, HTTP-name = %s"HTTP" (RFC 9112
            // §2.3, case-sensitive). Anything else is a malformed request line: 400.
            let expected: Bool = switch checked {
            case 0: byte == UInt8(ascii: "H")
            case 1, 2: byte == UInt8(ascii: "T")
            case 3: byte == UInt8(ascii: "P")
            case 4: byte == HTTPGrammar.slash
            case 5, 7: HTTPGrammar.isDigit(byte)
            default: byte == HTTPGrammar.period
            }
            guard expected else { throw Self.malformedVersion }
            guard checked == 7 else {
                phase = .version(checked: checked + 1)
                return
            }
            // A well-formed version other than 1.0 or 1.1 gets 505 (RFC 9110 §15.6.6).
            // RFC 9110 §6.2 suggests serving a higher 1.x minor version as 1.1; no such
            // version exists, and we prefer answering 505 to guessing.
            let version = HTTPVersion(major: Int(buffer[position - 2] - UInt8(ascii: "0")),
                                      minor: Int(byte - UInt8(ascii: "0")))
            guard version == .http1_1 || version == .http1_0 else { throw .versionNotSupported }
            message.version = version
            phase = .afterVersion

        case .afterVersion:
            guard byte == HTTPGrammar.cr else { throw Self.malformedVersion }
            phase = .lineFeed(contentEnd: position)

        default:
            preconditionFailure("not in a request line")
        }
    }

    private static let malformedVersion = HTTPParseError.badRequest(
        "Malformed HTTP-version; expected HTTP/1.1 (RFC 9112 §2.3).")

    /// RFC 9112 §3.2: the four forms of request-target and which methods may use them.
    private func validateTargetForm() throws(HTTPParseError) {
        let method = buffer[0 ..< message.methodEnd]
        let target = message.targetStart ..< message.targetEnd
        // Methods are case-sensitive (RFC 9110 §9.1).
        let isConnect = method.elementsEqual("CONNECT".utf8)
        let isOptions = method.elementsEqual("OPTIONS".utf8)

        if target.count == 1 && buffer[target.lowerBound] == HTTPGrammar.asterisk {
            // §3.2.4: asterisk-form = "*", only for a server-wide OPTIONS.
            guard isOptions else {
                throw .badRequest("The asterisk-form \"*\" is only allowed with OPTIONS (RFC 9112 §3.2.4).")
            }
            return
        }
        if isConnect {
            // §3.2.3: authority-form (`host:port`) is used only, and always, for CONNECT.
            guard HTTPHostSyntax.isAuthorityForm(buffer, target) else {
                throw .badRequest("CONNECT requires an authority-form target, host:port (RFC 9112 §3.2.3).")
            }
            return
        }
        if buffer[target.lowerBound] == HTTPGrammar.slash {
            return // §3.2.1: origin-form = absolute-path [ "?" query ]
        }
        // §3.2.2: absolute-form = absolute-URI, e.g. http://example.com/path.
        try HTTPHostSyntax.validateAbsoluteForm(buffer, target)
    }
}
