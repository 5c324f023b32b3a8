import Testing
@testable import BylineAnalysis

@Suite("Word tokenizer")
struct WordTokenizerTests {
    func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        return WordTokenizer.tokens(scalars, in: 0..<scalars.count)
    }

    @Test("a possessive ’s or 's is marked and left out of the word and its span", arguments: [
        "Putin’s", "Putin's", "PUTIN'S", "Putin’S",
    ])
    func possessive(_ text: String) {
        let token = tokens(text)[0]
        #expect(token.text.lowercased() == "putin")
        #expect(token.possessive)
        #expect(token.end == 5)
    }

    @Test("a plural possessive keeps its s and its word")
    func plural() {
        let browns = tokens("the Browns’ coach")
        #expect(browns.map(\.text) == ["the", "Browns", "coach"])
        #expect(browns[1].possessive)
        #expect(!browns[0].possessive && !browns[2].possessive)
    }

    @Test("an abbreviation or initial keeps its full stop; a sentence end does not")
    func fullStops() {
        #expect(tokens("Sen. Smith met J. Doe in the U.S. today.").map(\.text)
            == ["Sen.", "Smith", "met", "J.", "Doe", "in", "the", "U.S.", "today"])
    }
}
