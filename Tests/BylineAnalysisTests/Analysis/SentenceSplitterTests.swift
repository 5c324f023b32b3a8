import Testing
@testable import BylineAnalysis

struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(text).map { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) }
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("U.S. officials met Mr. Smith and Dr. Jones on Monday. They left.") ==
                ["U.S. officials met Mr. Smith and Dr. Jones on Monday.", "They left."])
    }

    @Test func initialsDoNotEndSentences() {
        #expect(sentences("Patrick W. Carr spoke. Then he left.") == ["Patrick W. Carr spoke.", "Then he left."])
    }

    @Test func lineBreaksEndSentencesAndCountParagraphs() {
        let split = SentenceSplitter.split("First line\nSecond line.")
        #expect(split.count == 2)
        #expect(split.map(\.paragraph) == [0, 1])
    }

    @Test func closingQuotationMarkAfterAFullStop() {
        #expect(sentences("“It went well.” He smiled.") == ["“It went well.”", "He smiled."])
    }
}
