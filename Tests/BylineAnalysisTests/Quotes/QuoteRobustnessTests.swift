import Testing
@testable import BylineAnalysis

/// Unbalanced and odd marks never crash and never produce spans outside the text or over
/// a paragraph break.
struct QuoteRobustnessTests {
    @Test func randomMarksAndWordsNeverCrash() {
        let pieces = ["“", "”", "\"", "'", "‘", "’", "’’", "«", "»", " ", "\n", "\n\n", "He said", " Smith",
                      ",", ".", "U.S.", "Mr.", "don't", "Iran’s", "A", "word", "said", "according to", "É", "🙂", "-", ":"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let scalars = Array(text.unicodeScalars)
            let result = ArticleAnalyzer.analyzeStory(text)
            for q in result.quotes {
                #expect(0 <= q.span.start && q.span.start < q.span.end && q.span.end <= scalars.count)
                #expect(!scalars[q.span.start..<q.span.end].contains("\n"))
            }
            _ = ArticleAnalyzer.analyze(text: text)
        }
    }

    @Test func unclosedQuotationDoesNotSwallowTheArticle() {
        let text = "The mayor said it was “a disaster.\n\nLater, the council met.\n\nNobody spoke."
        let quotes = ArticleAnalyzer.analyzeStory(text).quotes
        #expect(quotes.count == 1)
        #expect(quotes.first?.text == "a disaster.")
    }

    @Test func emptyAndMarkOnlyTexts() {
        #expect(ArticleAnalyzer.analyzeStory("").quotes.isEmpty)
        #expect(ArticleAnalyzer.analyzeStory("\"\"").quotes.isEmpty)
        #expect(ArticleAnalyzer.analyzeStory("“”").quotes.isEmpty)
    }
}
