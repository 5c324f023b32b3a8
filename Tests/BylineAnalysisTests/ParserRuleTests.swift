import Testing
@testable import BylineAnalysis

/// One rule of the parser per test, on small texts written for it.
@Suite("Article parser rules")
struct ParserRuleTests {
    static let paragraphs = """
        The two leaders spoke by phone for fifty minutes on Saturday afternoon.

        They discussed the conflict and agreed to talk again next week, aides said.
        """

    // MARK: Headline

    @Test("the headline is the first line, and a headline printed twice is one title")
    func headlinePrintedTwice() {
        let document = ArticleParser.parse(text: """
            Leaders agree to talk again

            Leaders agree to talk again

            \(Self.paragraphs)
            """)
        #expect(document.title == "Leaders agree to talk again")
        #expect(document.body == Self.paragraphs)
    }

    @Test("date lines and reading times above the headline are skipped")
    func headlineAfterMetadata() {
        let document = ArticleParser.parse(text: """
             date 2025-06-14 WORLD
            3 min read
            Leaders agree to talk again
            \(Self.paragraphs)
            """)
        #expect(document.title == "Leaders agree to talk again")
    }

    @Test("a one-word desk label above the headline is skipped", arguments: ["WORLD", "Politics"])
    func deskLabel(_ label: String) {
        let document = ArticleParser.parse(text: "\(label)\nLeaders agree to talk again\n\n\(Self.paragraphs)")
        #expect(document.title == "Leaders agree to talk again")
    }

    @Test("a text that opens with the story has no headline")
    func noHeadline() {
        #expect(ArticleParser.parse(text: Self.paragraphs).title == nil)
    }

    @Test("a first line ending with a period is a sentence, not a headline")
    func sentenceIsNoHeadline() {
        let document = ArticleParser.parse(text: "The minister resigned on Friday.\n\n\(Self.paragraphs)")
        #expect(document.title == nil)
    }

    // MARK: Outlet

    @Test("a SOURCE line names the outlet; generic contributors after it are dropped")
    func sourceLine() {
        let document = ArticleParser.parse(text: "\(Self.paragraphs)\n\nSOURCE:Daily Planet and Agencies\nExplore\nOther story")
        #expect(document.outlet == "Daily Planet")
        #expect(document.body == Self.paragraphs)
    }

    @Test("a SOURCE line naming only agencies names no outlet")
    func sourceAgencies() {
        #expect(ArticleParser.parse(text: "\(Self.paragraphs)\n\nSource: Agencies").outlet == nil)
    }

    @Test("a parenthesised name opening the story is the outlet, and not part of the body")
    func openingDateline() {
        let document = ArticleParser.parse(text: " date 2025-06-15 (Daily Planet) \(Self.paragraphs)")
        #expect(document.outlet == "Daily Planet")
        #expect(document.published?.iso == "2025-06-15")
        #expect(document.body == Self.paragraphs)
        #expect(document.title == nil)
    }

    @Test("a wire dateline credits an agency, not the outlet, and stays in the body")
    func wireDateline() {
        let text = "LONDON (AP) — \(Self.paragraphs)"
        let document = ArticleParser.parse(text: text)
        #expect(document.outlet == nil)
        #expect(document.body == text)
    }

    @Test("a photo credit is no outlet")
    func photoCreditIsNoOutlet() {
        let document = ArticleParser.parse(text: """
            Leaders agree to talk again

            The president meets students at a university in the capital, April 16, 2025.

            Jane Photographer | Via Wire Agency

            \(Self.paragraphs)
            """)
        #expect(document.outlet == nil)
    }

    // MARK: Published

    @Test("a date printed on its own line near the top is the publication date")
    func printedDateLine() {
        let document = ArticleParser.parse(text: "Leaders agree to talk again\nJune 14, 2025\n\n\(Self.paragraphs)")
        #expect(document.published?.iso == "2025-06-14")
    }

    @Test("a caption's date is not the publication date")
    func captionDate() {
        let document = ArticleParser.parse(text: """
            Leaders agree to talk again
            Rescuers work at the scene in the capital, Friday, June 13, 2025. (AP)
            \(Self.paragraphs)
            """)
        #expect(document.published == nil)
        #expect(document.body == Self.paragraphs)
    }

    @Test("a date inside the story is not the publication date")
    func storyDate() {
        let document = ArticleParser.parse(text: "June 14, 2025 was the day the leaders spoke at length.\n\(Self.paragraphs)")
        #expect(document.published == nil)
    }

    @Test("an explicit published marker beats an updated one")
    func publishedBeatsUpdated() {
        let document = ArticleParser.parse(text: "Updated: June 16, 2025\nPublished: June 14, 2025\nHeadline here\n\(Self.paragraphs)")
        #expect(document.published?.iso == "2025-06-14")
    }

    // MARK: Body

    @Test("a caption and its credit line above the story are not the body")
    func captionAndCredit() {
        let document = ArticleParser.parse(text: """
            Leaders agree to talk again

            The president meets students at a university in the capital, April 16, 2025.

            Jane Photographer | Via Wire Agency

            \(Self.paragraphs)
            """)
        #expect(document.body == Self.paragraphs)
    }

    @Test("a caption ending with ` / Agency`, a standfirst and a repeated headline are not the body")
    func inlineCreditAndStandfirst() {
        let document = ArticleParser.parse(text: """
            Leaders agree to talk again
            The call covered the conflict, state media reports.
            Leaders agree to talk again
            The two leaders spoke at length about the war. / Wire Agency
            June 14, 2025

            \(Self.paragraphs)
            """)
        #expect(document.title == "Leaders agree to talk again")
        #expect(document.published?.iso == "2025-06-14")
        #expect(document.body == Self.paragraphs)
    }

    @Test("related-article teasers after `Read More` are not the body")
    func readMoreTeasers() {
        let document = ArticleParser.parse(text: """
            \(Self.paragraphs)



            Read More
            Another story entirely
            Politics

            A teaser paragraph about the other story, which readers may click on.
            """)
        #expect(document.body == Self.paragraphs)
    }

    @Test("share, contact and credit lines end the story", arguments: [
        "Share this article", "Contact us", "Adapted from reporting by the Wire Agency.",
        "Contributing: Jane Reporter", "© 2025 Daily Planet. All rights reserved.",
    ])
    func trailerLines(_ trailer: String) {
        let document = ArticleParser.parse(text: "\(Self.paragraphs)\n\n\(trailer)\nMore text after it, which is not the story.")
        #expect(document.body == Self.paragraphs)
    }

    @Test("a `Read more:` link inside the story stays in the body")
    func readMoreLinkInside() {
        let text = """
            The two leaders spoke by phone for fifty minutes on Saturday afternoon.
            Read more: Earlier talks ended without a deal
            They discussed the conflict and agreed to talk again next week, aides said.
            """
        #expect(ArticleParser.parse(text: text).body == text)
    }

    @Test("rules after the story are not the body")
    func trailingRule() {
        #expect(ArticleParser.parse(text: "\(Self.paragraphs)\n\n___\n").body == Self.paragraphs)
    }

    @Test("the body span slices the body out of the text")
    func bodySpan() throws {
        let text = "Ünïcode héadline 🇺🇦\n\n\(Self.paragraphs)\n\nSource"
        let document = ArticleParser.parse(text: text)
        let span = try #require(document.bodySpan)
        let scalars = Array(text.unicodeScalars)
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[span.start..<span.end])
        #expect(String(slice) == document.body)
        #expect(document.body == Self.paragraphs)
    }

    @Test("a one-paragraph story is found")
    func oneParagraph() {
        let document = ArticleParser.parse(text: "Short news\n\nThe council approved the budget on Monday evening.")
        #expect(document.title == "Short news")
        #expect(document.body == "The council approved the budget on Monday evening.")
        #expect(document.wordCount == 8)
    }

    @Test("a text with no prose has an empty body and no span")
    func noProse() {
        let document = ArticleParser.parse(text: "Just a headline")
        #expect(document.body == "")
        #expect(document.bodySpan == nil)
        #expect(document.wordCount == 0)
    }

    // MARK: Authors

    @Test("a byline above the story names the authors")
    func byline() {
        let document = ArticleParser.parse(text: "Leaders agree to talk again\nBy Jane Doe and John van Roe, Reuters\n\(Self.paragraphs)")
        #expect(document.authors == ["Jane Doe", "John van Roe"])
        #expect(document.title == "Leaders agree to talk again")
    }

    @Test("no byline, no authors")
    func noByline() {
        #expect(ArticleParser.parse(text: Self.paragraphs).authors.isEmpty)
    }
}
