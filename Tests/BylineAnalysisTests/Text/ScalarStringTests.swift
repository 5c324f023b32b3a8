import Testing
@testable import BylineAnalysis

@Suite("Strings from scalars")
struct ScalarStringTests {
    @Test("every UTF-8 width round-trips, as the standard library's scalar view builds it", arguments: [
        "", "Putin", "Zürich café", "“Quoted” — dash", "日本語のテキスト", "emoji 🇺🇦 and 👍🏽 ok", "a\u{301}e\u{308}",
    ])
    func roundTrip(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let built = String(scalars: scalars[...])
        #expect(built == String(String.UnicodeScalarView(scalars)))
        #expect(Array(built.utf8) == Array(text.utf8))
    }

    @Test("a slice in the middle of the text gives only that slice")
    func slice() {
        let scalars = Array("He said “ça va” twice".unicodeScalars)
        #expect(String(scalars: scalars[8..<15]) == "“ça va”")
        #expect(ScalarText("He said “ça va” twice").string(TextSpan(start: 3, end: 7)) == "said")
    }
}
