import Testing
@testable import BylineAnalysis

@Suite("Trailer and credit lines")
struct LineMarkerTests {
    @Test("trailer headings and openings, in any case, with trailing colons", arguments: [
        "Read More", "READ MORE:", "Related Articles :", "SOURCE:TRT World", "Adapted from reporting by AP",
        "© 2025 Example Media", "Subscribe to our newsletter",
    ])
    func trailers(_ line: String) {
        #expect(TrailerMarker.matches(line))
    }

    @Test("prose and look-alike words are not trailers", arguments: [
        "Subscribers said the service was down for hours on Friday.",
        "Read more about the talks in the paragraphs that follow, where officials gave their view.",
        String(repeating: "Related ", count: 30),
    ])
    func notTrailers(_ line: String) {
        #expect(!TrailerMarker.matches(line))
    }

    @Test("credit lines by their opening word or agency phrase", arguments: [
        "Photo: Jane Doe", "PHOTOGRAPH BY JANE DOE", "Image credit Reuters", "courtesy of the family",
        "File photo of the building", "AP Photo/Evan Vucci", "Getty Images", "Kristina Kormilitsyna via Reuters",
        "Jane Doe | Reuters",
    ])
    func credits(_ line: String) {
        #expect(PhotoCredit.isCreditLine(line))
    }

    @Test("a sentence closed by a credit after a slash, bar or in parentheses", arguments: [
        "Rescuers search the rubble of the building in Kyiv. / Reuters",
        "Rescuers search the rubble of the building in Kyiv. | Jane Doe",
        "Rescuers search the rubble of the building in Kyiv. (AP)",
    ])
    func inlineCredits(_ line: String) {
        #expect(PhotoCredit.endsWithInlineCredit(line))
    }

    @Test("slashes and bars inside prose are no credit", arguments: [
        "The service runs 24/7 and/or on weekends, officials said.",
        "Oil / gas prices rise",
        "Rescuers searched the rubble. / Reuters reported that more were missing.",
        "Rescuers searched the rubble of the building in Kyiv / Reuters",
    ])
    func notInlineCredits(_ line: String) {
        #expect(!PhotoCredit.endsWithInlineCredit(line))
    }

    @Test("bylines open with `By` or `Written by`; reading times run from a number to `read`")
    func bylinesAndReadingTimes() {
        #expect(Byline.authors(in: "By Jane Doe and John Roe") == ["Jane Doe", "John Roe"])
        #expect(Byline.authors(in: "WRITTEN BY JANE DOE") == ["JANE DOE"])
        #expect(Byline.authors(in: "Reporting Jane Doe") == nil)
        #expect(LineShape.isReadingTime("5 min read"))
        #expect(LineShape.isReadingTime("3-MINUTE READ"))
        #expect(!LineShape.isReadingTime("5 min read."))
        #expect(!LineShape.isReadingTime("About 5 min read"))
    }

    @Test("short lines that merely contain the words are not credits", arguments: [
        "The photographer's view", "Via Appia reopens", "Trump visits Canada", "Ipsos poll results",
    ])
    func notCredits(_ line: String) {
        #expect(!PhotoCredit.isCreditLine(line))
    }
}
