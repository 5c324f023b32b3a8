import Testing
@testable import BylineAnalysis

@Suite("Language guesser on long texts")
struct LanguageGuesserTests {
    @Test("only the opening words count, however long the text")
    func opening() {
        let english = String(repeating: "The minister said that the talks were useful. ", count: 80)
        let french = String(repeating: "Le ministre a dit que les discussions sont utiles et qu'elles vont continuer. ", count: 400)
        #expect(LanguageGuesser.language(of: english + french) == "en")
        #expect(LanguageGuesser.language(of: french + english) == "fr")
    }

    @Test("words are lower-cased and stripped of punctuation at their ends", arguments: [
        ("\"The", "the"), ("(AND),", "and"), ("Über.", "über"), ("—", ""), ("x-ray", "x-ray"),
    ])
    func tokens(_ word: String, _ expected: String) {
        #expect(LanguageGuesser.token(Substring(word)) == expected)
    }

    @Test("ASCII words are trimmed and lower-cased as bytes, as the general path does", arguments: [
        "\"The", "(AND),", "x-ray", "123", "--", "O'Neill's", "U.S.",
    ])
    func asciiTokens(_ word: String) {
        let bytes = Array(word.utf8)
        let fast = bytes.withUnsafeBufferPointer { LanguageGuesser.asciiToken($0) }
        #expect(fast == LanguageGuesser.token(Substring(word)))
        #expect(Array("Über".utf8).withUnsafeBufferPointer { LanguageGuesser.asciiToken($0) } == nil)
    }

    @Test("a text whose opening words are long is read within the first 20,000 characters")
    func longWords() {
        // 500 words of 60 letters run past the window: the words beyond it are not read.
        let filler = Array(repeating: String(repeating: "x", count: 60), count: 400).joined(separator: " ")
        let french = String(repeating: "le la les des et est une un du dans que pour ", count: 50)
        #expect(LanguageGuesser.language(of: filler + " " + french) == LanguageGuesser.undetermined)
        #expect(LanguageGuesser.language(of: french + filler) == "fr")
    }
}
