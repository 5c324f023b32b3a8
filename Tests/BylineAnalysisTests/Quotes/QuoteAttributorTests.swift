import Testing
@testable import BylineAnalysis

/// One attribution rule per test, each on invented sentences (no seed's people).
struct QuoteAttributorTests {
    func speakers(_ text: String) -> [String?] {
        ArticleAnalyzer.analyzeStory(text).quotes.map(\.speaker)
    }

    @Test func quoteThenSpeakerThenVerb() {
        let quotes = ArticleAnalyzer.analyzeStory("“We will not back down,” Maria Lopez said.").quotes
        #expect(quotes.map(\.speaker) == ["Maria Lopez"])
        #expect(quotes.first?.cue == "said")
        #expect(quotes.first?.speakerText == "Maria Lopez")
    }

    @Test func quoteThenVerbThenSpeakerWithApposition() {
        #expect(speakers("“Sales were light,” said Daniel Kerr, an analyst at a small bank.") == ["Daniel Kerr"])
    }

    @Test func speakerWithAppositionBetweenCommas() {
        #expect(speakers("“We saw a need,” Helen Marsh, deputy administrator for the agency, said in a call.") == ["Helen Marsh"])
    }

    @Test func speakerVerbColonQuote() {
        #expect(speakers("Editor Tomas Berg said: “Let us focus on the facts.”") == ["Tomas Berg"])
    }

    @Test func titlesAndAppositionsBeforeTheName() {
        let quotes = ArticleAnalyzer.analyzeStory("Kremlin foreign affairs adviser Oleg Petrov told reporters: “The talks were useful.”").quotes
        #expect(quotes.first?.speaker == "Oleg Petrov")
        #expect(quotes.first?.cue == "told reporters")
    }

    @Test func pronounResolvesToTheSubjectNotTheNearestName() {
        let text = "Jane Whitfield, who met Tom Barker on Monday, praised the deal. “It is a good start,” she said."
        #expect(speakers(text) == ["Jane Whitfield"])
    }

    @Test func pronounAfterAnEarlierSpeaker() {
        let text = "“We had hoped for more,” Carl Dunmore said.\n\nSometimes rules are broken, he said. “But that is not a crime.”"
        #expect(speakers(text) == ["Carl Dunmore", "Carl Dunmore"])
    }

    @Test func splitQuotationHasOneSpeaker() {
        #expect(speakers("“The call lasted an hour,” Paul Ekberg wrote. “It went well.”") == ["Paul Ekberg", "Paul Ekberg"])
    }

    @Test func relayedWordsBelongToTheOriginalSpeaker() {
        let text = "Nina Adler said Victor Hale described the situation as “very alarming”."
        #expect(speakers(text) == ["Victor Hale"])
    }

    @Test func relayedClauseWithNoted() {
        let text = "Nina Adler said Victor Hale noted that his side had proposed steps “to ease tension”."
        #expect(speakers(text) == ["Victor Hale"])
    }

    @Test func accordingTo() {
        #expect(speakers("The offer was “not serious”, according to Maria Lopez.") == ["Maria Lopez"])
    }

    @Test func seatOfGovernmentAsSpeaker() {
        #expect(speakers("The Kremlin said the strikes were “unacceptable”.") == ["Kremlin"])
    }

    @Test func organisationAsSpeaker() {
        #expect(speakers("“The reason is simple,” the Electoral Commission said.") == ["Electoral Commission"])
    }

    @Test func noNamedSourceGivesNoSpeaker() {
        #expect(speakers("“We will respond,” officials said.") == [nil])
        #expect(speakers("Diplomatic sources said the talks were “pointless”.") == [nil])
        #expect(speakers("“Hands up!” an officer shouted.") == [nil])
    }

    @Test func pronounWithoutAntecedentIsNil() {
        #expect(speakers("“It was late,” he said.") == [nil])
    }

    @Test func quotationRunningOnIntoTheNextParagraphKeepsItsSpeaker() {
        let text = "“The first point is clear,” Helen Marsh said.\n\n“And the second one follows from it.”"
        #expect(speakers(text) == ["Helen Marsh", "Helen Marsh"])
    }

    @Test func laterSurnameResolvesToTheFullName() {
        let text = "Rafael Ortiz won the match.\n\n“It was difficult,” Ortiz said."
        #expect(speakers(text) == ["Rafael Ortiz"])
    }

    @Test func headlineQuoteWithCompoundSubject() {
        #expect(speakers("Leaders: Ortega, Brandt discuss 'very alarming' tensions") == ["Brandt"])
    }

    @Test func governmentBodyNamedByItsCountry() {
        #expect(speakers("Russia's foreign ministry said it viewed the move as \"another provocation\".") == ["Russia's foreign ministry"])
        #expect(speakers("The French foreign ministry said it \"regrets any decision\".") == ["French foreign ministry"])
    }

    @Test func passiveAgentIsTheSpeaker() {
        #expect(speakers("The call, described by Kremlin aide Oleg Petrov as \"very useful\", lasted an hour.") == ["Oleg Petrov"])
    }

    @Test func statementThenSayingBelongsToTheSubject() {
        let text = "Prisons director Kathleen Hawk Sawyer testified on Monday.\n\nAfter the hearing, Hawk Sawyer issued a statement about the charges, saying, \"I am committed to this agency.\""
        #expect(speakers(text) == ["Kathleen Hawk Sawyer"])
    }

    @Test func paragraphOfOnlyAQuotationTakesThePreviousParagraphsSpeaker() {
        let text = "Saeb Erakat said it was only the latest move.\n\n\"They wanted us on our knees.\""
        #expect(speakers(text) == ["Saeb Erakat"])
    }

    @Test func unnamedSourcesOfAnOrganisationAreNotTheOrganisation() {
        #expect(speakers("Both called it \"very alarming\", according to Kremlin aides.") == [nil])
    }

    @Test func timePhraseBetweenSubjectAndVerb() {
        let quote = ArticleAnalyzer.analyzeStory("President Joe Biden on Friday said the economy was \"on the right track\".").quotes.first
        #expect(quote?.speaker == "Joe Biden")
        #expect(quote?.speakerText == "President Joe Biden")
    }

    @Test func definiteRoleDescriptionResolvesToTheEntityWithThatRole() {
        let text = "President Joe Biden spoke on Friday.\n\n\"We have turned the corner,\" the president told reporters."
        #expect(speakers(text) == ["Joe Biden"])
    }

    @Test func pronounSkipsAPersonWhoseNameContradictsIt() {
        let text = "Senator Mary Collins questioned Michael Grant on Monday. Grant answered briefly.\n\n\"I have no regrets,\" she said."
        #expect(speakers(text) == ["Mary Collins"])
    }

    @Test func anUnattributedCopyOfAQuoteTakesItsOneSpeaker() {
        let text = "Port talks called \u{2018}very productive\u{2019}\n\nThe talks were \u{201C}very productive,\u{201D} Foreign Minister Anna Berg said on Monday."
        #expect(speakers(text) == ["Anna Berg", "Anna Berg"])
    }

    @Test func anUnattributedCopyStaysUnattributedWhenTwoSpeakersSaidIt() {
        let text = "Both call it \u{2018}a fair deal\u{2019}\n\n\u{201C}A fair deal,\u{201D} Anna Berg said. \u{201C}A fair deal,\u{201D} Tomas Lund said."
        #expect(speakers(text) == [nil, "Anna Berg", "Tomas Lund"])
    }

    @Test func aCopyLeftToAnUnnamedSourceStaysUnnamed() {
        let text = "The talks were \u{201C}very productive,\u{201D} Anna Berg said.\n\nThe talks were \u{201C}very productive,\u{201D} a spokesman said."
        #expect(speakers(text) == ["Anna Berg", nil])
    }
}
