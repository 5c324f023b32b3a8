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
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
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
