import Testing
@testable import BylineAnalysis

@Suite("Line shape")
struct LineShapeTests {
    @Test("words hold a letter or digit, split at any Unicode white space", arguments: [
        ("Israel-Iran talks — 50 minutes, “very alarming”.", ["Israel-Iran", "talks", "50", "minutes,", "“very", "alarming”."]),
        ("Zürich\u{00A0}café\u{2003}日本 — ٣ 🇺🇦", ["Zürich", "café", "日本", "٣"]),
        ("  \n — ", []),
    ])
    func words(_ text: String, _ expected: [String]) {
        #expect(LineShape.words(text).map(String.init) == expected)
        #expect(LineShape.wordCount(text) == expected.count)
    }

    @Test("a bounded count stops at its bound and is exact below it")
    func boundedCount() {
        let line = Array(repeating: "word", count: 100).joined(separator: " ")
        #expect(LineShape.wordCount(line, upTo: 10) == 10)
        #expect(LineShape.wordCount(line, upTo: 500) == 100)
        #expect(LineShape.wordCount("three little words", upTo: 10) == 3)
    }

    @Test("prose needs a sentence end and four words, or forty words without one")
    func prose() {
        #expect(LineShape.isProse("The talks ended on Friday."))
        #expect(!LineShape.isProse("Talks ended."))
        #expect(LineShape.isProse(Array(repeating: "word", count: 40).joined(separator: " ")))
        #expect(!LineShape.isProse(Array(repeating: "word", count: 39).joined(separator: " ")))
    }

    @Test("a separator has at most twenty characters and no letter or digit")
    func separator() {
        #expect(LineShape.isSeparator("* * *"))
        #expect(LineShape.isSeparator(String(repeating: "—", count: 20)))
        #expect(!LineShape.isSeparator(String(repeating: "—", count: 21)))
        #expect(!LineShape.isSeparator("— 1 —"))
    }
}
