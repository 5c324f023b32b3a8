/// An article's text as an array of Unicode scalars, so that spans — which API.md counts in
/// scalars — index it in constant time and slice it back exactly.
struct ScalarText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var count: Int { scalars.count }

    func string(_ span: TextSpan) -> String {
        String(scalars: scalars[span.start..<span.end])
    }
}

extension Unicode.Scalar {
    /// White space, plus the invisible format characters scraped pages leave at line ends
    /// (zero-width space and joiners, word joiner, byte order mark).
    var isBlankForTrimming: Bool {
        if properties.isWhitespace { return true }
        switch value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }
}
