import Testing
@testable import BylineAnalysis

struct QuoteGroupingTests {
    func same(_ a: String, _ b: String, _ s1: String? = "Ann Lee", _ s2: String? = "Ann Lee") -> Bool {
        QuoteGrouping.sameUtterance(speaker: s1, text: a, speaker: s2, text: b)
    }

    @Test func renderingsThatDifferInPunctuationOrAWord() {
        #expect(same("He feels, as do I, this war should end", "He feels, as I do, this war should end."))
        #expect(same("meaningful and very useful", "meaningful, frank, and most importantly, very useful"))
    }

    @Test func aFragmentJoinsTheLongerQuote() {
        #expect(same("mutually acceptable agreements.", "aimed at finding mutually acceptable agreements"))
    }

    @Test func differentWordsOrDifferentSpeakersStayApart() {
        #expect(!same("very alarming", "called this morning to very nicely wish me"))
        #expect(!same("He feels, as do I", "He feels, as do I", "Ann Lee", "Bo Chen"))
        #expect(!same("He feels, as do I", "He feels, as do I", nil, nil), "no speaker, no group")
    }
}
