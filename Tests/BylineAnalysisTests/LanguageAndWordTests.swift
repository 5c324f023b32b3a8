import Testing
@testable import BylineAnalysis

@Suite("Language and word count")
struct LanguageAndWordTests {
    @Test("common news languages", arguments: [
        ("The president said that the talks with the delegation were useful and would continue.", "en"),
        ("Le président a déclaré que les discussions avec la délégation sont utiles et qu'elles vont continuer.", "fr"),
        ("Der Präsident sagte, dass die Gespräche mit der Delegation nützlich sind und auch weitergehen.", "de"),
        ("El presidente dijo que las conversaciones con la delegación fueron útiles y que seguirán en la capital.", "es"),
    ])
    func languages(_ text: String, _ expected: String) {
        #expect(LanguageGuesser.language(of: text) == expected)
    }

    @Test("too little evidence is undetermined", arguments: ["", "Putin Trump Iran", "12345 67890"])
    func undetermined(_ text: String) {
        #expect(LanguageGuesser.language(of: text) == LanguageGuesser.undetermined)
    }

    @Test("words hold a letter or digit; hyphenated words are one")
    func words() {
        #expect(WordCounter.count("Israel-Iran talks — 50 minutes, “very alarming”.") == 6)
        #expect(WordCounter.count("  \n — ") == 0)
    }
}
