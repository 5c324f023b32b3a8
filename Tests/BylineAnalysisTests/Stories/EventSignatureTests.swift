import Testing
@testable import BylineAnalysis

struct EventSignatureTests {
    func analysis(_ title: String, _ body: String, published: String?, dates: [String] = []) -> ArticleAnalysis {
        let document = ArticleDocument(title: title, published: published.flatMap { CalendarDate(iso: $0) },
                                       body: body, language: "en", wordCount: 0)
        let mentions = dates.map { DateMention(text: $0, span: TextSpan(start: 0, end: 1), date: CalendarDate(iso: $0)!) }
        return ArticleAnalysis(document: document, dates: mentions)
    }

    let callBody = "The president spoke by phone with the prime minister about the ceasefire in the region, the trade tariffs and the prisoner exchange, officials said."

    @Test func sameWordingSameDayIsOneEvent() {
        let a = EventSignature.make(analysis: analysis("Leaders discuss ceasefire", callBody, published: "2025-06-14"))
        let b = EventSignature.make(analysis: analysis("Phone call on ceasefire",
            "In a phone call, the prime minister and the president discussed the ceasefire, tariffs on trade and a prisoner exchange.",
            published: "2025-06-15", dates: ["2025-06-14"]))
        #expect(a.similarity(to: b) >= EventSignature.sameEventSimilarity)
        #expect(a.reportsSameEvent(as: b) && b.reportsSameEvent(as: a))
    }

    @Test func sameActorsWeeksApartAreTwoEvents() {
        let a = EventSignature.make(analysis: analysis("Leaders discuss ceasefire", callBody, published: "2025-06-14"))
        let b = EventSignature.make(analysis: analysis("Leaders discuss ceasefire", callBody, published: "2025-07-05"))
        #expect(a.similarity(to: b) > 0.99)
        #expect(!a.reportsSameEvent(as: b))
    }

    @Test func unrelatedStoriesAreApart() {
        let a = EventSignature.make(analysis: analysis("Leaders discuss ceasefire", callBody, published: "2025-06-14"))
        let b = EventSignature.make(analysis: analysis("Team wins final",
            "The home team won the championship final in overtime as the striker scored twice before a record crowd.",
            published: "2025-06-14"))
        #expect(!a.reportsSameEvent(as: b))
    }

    @Test func eventDayIsTheMostMentionedDateElsePublication() {
        #expect(EventSignature.eventDay(dates: [], published: CalendarDate(iso: "2025-06-14")) == CalendarDate(iso: "2025-06-14")!.dayNumber)
        let mentions = ["2025-06-12", "2025-06-13", "2025-06-13"].map {
            DateMention(text: $0, span: TextSpan(start: 0, end: 1), date: CalendarDate(iso: $0)!)
        }
        #expect(EventSignature.eventDay(dates: mentions, published: nil) == CalendarDate(iso: "2025-06-13")!.dayNumber)
    }

    @Test func functionWordsAndPossessivesAreNotEvidence() {
        #expect(EventSignature.words(of: "The Iran's talks and the U.S.") == ["iran", "talks"])
    }

    @Test func encodedTermsRoundTripExactly() {
        let a = EventSignature.make(analysis: analysis("Leaders discuss ceasefire", callBody, published: "2025-06-14"))
        let b = EventSignature(encodedTerms: a.encodedTerms, eventDay: a.eventDay)
        #expect(a == b)
        #expect(a.topTerms.count == min(EventSignature.topTermCount, a.terms.count))
    }
}

@Suite("Word characters of event signatures and quote grouping")
struct WordCharacterTests {
    @Test("the ASCII fast path answers as Character.isLetter / isNumber do, for every ASCII character")
    func asciiMatchesCharacterProperties() {
        for value in UInt8(0)...UInt8(127) {
            let character = Character(Unicode.Scalar(value))
            #expect(EventSignature.isWordCharacter(character, digits: false) == character.isLetter)
            #expect(EventSignature.isWordCharacter(character, digits: true) == (character.isLetter || character.isNumber))
        }
        #expect(EventSignature.isWordCharacter("\r\n", digits: true) == false)
        #expect(EventSignature.isWordCharacter("é", digits: false))
        #expect(EventSignature.isWordCharacter("٣", digits: true), "non-ASCII digits still count with digits")
    }
}
