import Foundation

/// How an article's text becomes its identity.
///
/// The ID is the first 20 lower-case hex digits (80 bits) of the SHA-256 of the normalised
/// text's UTF-8 bytes, where normalising means: CR LF → LF, Unicode NFC, and white space
/// and newlines trimmed from both ends. So the same article re-posted — copied on Windows,
/// composed differently by an editor, with a stray final newline — gets the same ID in any
/// store, and IDs are opaque and URL-safe as API.md asks. 80 bits keep the chance of two
/// different articles colliding below one in a million up to ~10^9 articles.
public enum ArticleText {
    public static func normalise(_ text: String) -> String {
        // Foundation's NFC and trimming cost more than the whole analysis of a web page;
        // most text needs neither, and the answer must not change (IDs are stored), so the
        // fast path only skips steps that are provably no-ops and does the same trimming.
        var text = text
        if text.utf8.contains(0x0D) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        if !isNFCByConstruction(text) { text = text.precomposedStringWithCanonicalMapping }
        return trimmingWhiteSpace(text)
    }

    /// True when every scalar is one NFC leaves alone and none can combine with a neighbour:
    /// below U+0300 (before the combining marks) or in the punctuation and currency blocks
    /// news text is full of (curly quotes, dashes, ellipsis, €), minus the two singletons
    /// U+2000 and U+2001 that NFC replaces. Anything else goes through Foundation's NFC.
    static func isNFCByConstruction(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (0x2002...0x206F).contains(v) || (0x20A0...0x20C0).contains(v) { continue }
            return false
        }
        return true
    }

    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`. Checked over every
    /// scalar: that set is Unicode's White_Space property plus U+200B ZERO WIDTH SPACE.
    static func trimmingWhiteSpace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func trimmed(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || s.value == 0x200B }
        guard let first = scalars.firstIndex(where: { !trimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trimmed($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    public static func identifier(ofNormalised normalised: String) -> String {
        String(SHA256Digest.hex(of: normalised.utf8).prefix(identifierLength))
    }

    /// The ID an article with this raw text gets.
    public static func identifier(of text: String) -> String {
        identifier(ofNormalised: normalise(text))
    }

    public static let identifierLength = 20
}
