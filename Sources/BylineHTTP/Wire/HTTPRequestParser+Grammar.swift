/// The bytes the HTTP/1.1 grammar is written in (RFC 5234 core rules, RFC 9110 §5.6).
enum HTTPGrammar {
    static let htab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let doubleQuote: UInt8 = 0x22
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C
    static let asterisk: UInt8 = 0x2A
    static let period: UInt8 = 0x2E

    /// `tchar` (RFC 9110 §5.6.2): the characters of a `token` such as a method or field name.
    @inline(__always)
    static func isTokenChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"),
             UInt8(ascii: "0") ... UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// `OWS`/`BWS`/`RWS` are made of SP and HTAB (RFC 9110 §5.6.3).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == htab
    }

    /// `VCHAR` (RFC 5234 B.1): visible US-ASCII, no SP, no CTL, no DEL.
    @inline(__always)
    static func isVisible(_ byte: UInt8) -> Bool {
        byte >= 0x21 && byte <= 0x7E
    }

    /// `field-vchar` plus the SP/HTAB allowed between them (RFC 9110 §5.5): anything but the
    /// CTLs (0x00–0x1F, 0x7F) other than HTAB. Bytes ≥ 0x80 are `obs-text`, allowed.
    @inline(__always)
    static func isFieldValueChar(_ byte: UInt8) -> Bool {
        byte == htab || (byte >= 0x20 && byte != 0x7F)
    }

    /// `qdtext` (RFC 9110 §5.6.4): inside a quoted-string, without `"` and `\`.
    @inline(__always)
    static func isQuotedTextChar(_ byte: UInt8) -> Bool {
        byte == htab || byte == space || byte == 0x21 || (byte >= 0x23 && byte <= 0x5B)
            || (byte >= 0x5D && byte <= 0x7E) || byte >= 0x80
    }

    /// The byte after `\` in a `quoted-pair` (RFC 9110 §5.6.4).
    @inline(__always)
    static func isQuotedPairChar(_ byte: UInt8) -> Bool {
        byte == htab || byte == space || isVisible(byte) || byte >= 0x80
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always)
    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The value of a `HEXDIG` (RFC 5234 B.1, case-insensitive as ABNF strings are), or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// Whether `bytes[range]` equals the lowercase ASCII `name`, ignoring ASCII case
    /// (field names are case-insensitive, RFC 9110 §5.1).
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: [UInt8], _ range: Range<Int>, lowercase name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { expected in
            var offset = 0
            for index in range {
                let byte = bytes[index]
                let folded = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                if folded != expected[offset] { return false }
                offset += 1
            }
            return true
        }
    }
}
