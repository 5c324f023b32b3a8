import Foundation
import Testing
@testable import BylineStore

@Suite("Outlet slugs and list cursors")
struct IdentityTests {
    @Test("slugs", arguments: [
        ("TRT World", "trt-world"), ("Headline USA", "headline-usa"),
        ("Süddeutsche Zeitung", "suddeutsche-zeitung"), ("  The  Hill!  ", "the-hill"),
        ("trt-world", "trt-world"), ("ＢＢＣ News", "bbc-news"),
    ])
    func slug(_ name: String, _ expected: String) {
        #expect(OutletSlug.slug(for: name) == expected)
        #expect(OutletSlug.slug(for: expected) == expected)
    }

    @Test("a name with no Latin letters still gets a stable ASCII slug")
    func nonLatin() {
        let slug = OutletSlug.slug(for: "新华社")
        #expect(slug.hasPrefix("outlet-"))
        #expect(slug == OutletSlug.slug(for: "新华社"))
        #expect(slug != OutletSlug.slug(for: "人民日报"))
        #expect(OutletSlug.slug(for: slug) == slug)
    }

    @Test("cursor tokens round-trip and are URL-safe", arguments: [0, 1, 12, 1_000_000_007] as [Int64])
    func cursorRoundTrip(_ sequence: Int64) throws {
        let token = ArticleCursor(afterSequence: sequence).token
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(try #require(ArticleCursor(token: token)).afterSequence == sequence)
    }

    @Test("tokens this server did not issue are refused",
          arguments: ["", "abc", "djE6", "djE6LTE", "djI6MTI", "djE6MTI=", "djE6MTJh", "not base64!", String(repeating: "A", count: 100)])
    func cursorRejects(_ token: String) {
        #expect(ArticleCursor(token: token) == nil)
    }
}

@Suite("Normalising article text: the fast path gives Foundation's answer")
struct ArticleTextNormalisationTests {
    /// The definition, step by step through Foundation, as IDs were first computed.
    static func reference(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Scalars chosen to hit every edge: ASCII, CR/LF, Latin-1, combining marks, the NFC
    /// singletons U+2000/U+2001 and U+212B, every White_Space scalar, curly quotes, Hangul
    /// jamo, CJK compatibility ideographs.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "é", "e", "\u{0301}", "\u{0327}",
        "\u{1680}", "\u{2000}", "\u{2001}", "\u{2002}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}",
        "\u{205F}", "\u{3000}", "\u{2018}", "\u{201C}", "\u{2014}", "\u{2026}", "\u{20AC}", "\u{212B}", "\u{2126}",
        "\u{1100}", "\u{1161}", "\u{AC00}", "\u{F900}", "\u{FEFF}", "ß", "\u{0340}", "\u{037E}", "\u{1E9B}", "\u{0323}",
    ]

    @Test("random strings over tricky scalars normalise exactly as Foundation does")
    func matchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text.unicodeScalars.append(Self.alphabet.randomElement(using: &generator)!)
            }
            #expect(ArticleText.normalise(text) == Self.reference(text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Array(ArticleText.normalise(text).utf8) == Array(Self.reference(text).utf8))
        }
    }

    @Test("trimming removes exactly Foundation's whitespacesAndNewlines, scalar by scalar")
    func trimmingSetIsFoundations() {
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar)) + "x"
            let foundation = CharacterSet.whitespacesAndNewlines.contains(scalar)
            #expect((ArticleText.trimmingWhiteSpace(text) == "x") == foundation, "U+\(String(value, radix: 16))")
        }
    }

    @Test("the seeds normalise exactly as Foundation does")
    func seedsMatchFoundation() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".txt") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(Array(ArticleText.normalise(text).utf8) == Array(Self.reference(text).utf8))
            #expect(Array(ArticleText.normalise(text + "\r\n \u{2001}").utf8) == Array(Self.reference(text + "\r\n \u{2001}").utf8))
        }
    }
}
