import Testing
@testable import BylineAnalysis

/// One rule of `QuoteExtractor` per test, each on a sentence of its own.
struct QuoteExtractorTests {
    func quoted(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return QuoteExtractor.extract(text).map { String(String.UnicodeScalarView(scalars[$0.content.start..<$0.content.end])) }
    }

    @Test func curlyQuotesSpanTheWordsBetweenTheMarks() {
        let text = "“We are ready,” the minister said."
        let spans = QuoteExtractor.extract(text)
        #expect(spans.count == 1)
        #expect(spans[0].content == TextSpan(start: 1, end: 14))
        #expect(quoted(text) == ["We are ready,"])
    }

    @Test func straightDoubleQuotes() {
        #expect(quoted(#""It was close," Lopez said."#) == ["It was close,"])
    }

    @Test func quoteSplitByAnAttributionIsTwoSpans() {
        #expect(quoted("“The call lasted an hour,” she wrote. “It went well.”") == ["The call lasted an hour,", "It went well."])
        #expect(quoted(#""Forty years," he said, "taught me that.""#) == ["Forty years,", "taught me that."])
    }

    @Test func partialQuoteInsideASentence() {
        #expect(quoted("The senator called the move “deeply troubling” on Monday.") == ["deeply troubling"])
    }

    @Test func apostrophesAreNotQuotationMarks() {
        #expect(quoted("Iran’s envoy said he didn't know. The Browns' coach won't comment.").isEmpty)
    }

    @Test func singleQuotesUsedAsQuotationMarksInAHeadline() {
        #expect(quoted("Leaders discuss 'very alarming' tensions in call") == ["very alarming"])
        #expect(quoted("Mayor Equates Firing to Professional ‘Death Sentence’") == ["Death Sentence"])
    }

    @Test func unbalancedMarkEndsAtItsParagraph() {
        let text = "He said the plan would “work out fine\n\nLater paragraph with a “real quote” in it."
        #expect(quoted(text) == ["work out fine", "real quote"])
    }

    @Test func strayClosingMarkNeverCrashesOrSwallowsText() {
        #expect(quoted("” stray mark at the start\n\" and a lone mark").count <= 2)
        #expect(quoted("”").isEmpty)
        #expect(quoted("“").isEmpty)
    }

    @Test func quotationRunningOverParagraphsIsOneSpanPerParagraph() {
        let text = "She said: “The first part goes here.\n\n“And the second part ends here.”"
        #expect(quoted(text) == ["The first part goes here.", "And the second part ends here."])
    }

    @Test func doubledApostropheClosesADoubleQuotation() {
        #expect(quoted("“It was an attempt to mislead,’’ the director said.") == ["It was an attempt to mislead,"])
    }

    @Test func capitalisedLabelsInProseAreNotQuotations() {
        #expect(quoted("The match was played at the \"Caja Magica\" arena in the city.").isEmpty)
        #expect(quoted("The party renamed its account “factcheckUK” for the night.").isEmpty)
    }

    @Test func nestedSingleQuotationStaysInsideTheOuterSpan() {
        #expect(quoted("“He told me ‘never again’ and left,” she said.") == ["He told me ‘never again’ and left,"])
    }
}
