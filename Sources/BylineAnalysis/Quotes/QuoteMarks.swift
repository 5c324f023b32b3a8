/// Quotation marks and how the text around a mark decides whether it opens or closes.
enum QuoteMarks {
    static func isDouble(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "“", "”", "„", "«", "»", "‟", "″": return true
        default: return false
        }
    }

    static func isSingle(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "‘" || c == "’" || c == "‚" || c == "‛"
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.isFastWordScalar
    }

    /// Characters that may stand before an opening mark.
    static func isOpeningContext(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        if c.isFastWhitespace { return true }
        switch c {
        case "(", "[", "{", "—", "–", "-", ":", "/", "\u{2014}": return true
        default: return isDouble(c) || isSingle(c)
        }
    }
}

/// Character classes with an ASCII fast path (Unicode property lookups are slow, and
/// news text is mostly ASCII).
extension Unicode.Scalar {
    var isFastUppercase: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }
    var isFastLowercase: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }
    var isFastWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
    var isFastWordScalar: Bool {
        if value < 0x80 { return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        return properties.isAlphabetic || properties.numericType != nil
    }
    var isFastDigit: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType != nil
    }
}
