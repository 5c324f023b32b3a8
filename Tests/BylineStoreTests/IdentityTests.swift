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
