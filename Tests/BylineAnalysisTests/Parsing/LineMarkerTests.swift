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

    @Test("short lines that merely contain the words are not credits", arguments: [
        "The photographer's view", "Via Appia reopens", "Trump visits Canada", "Ipsos poll results",
    ])
    func notCredits(_ line: String) {
        #expect(!PhotoCredit.isCreditLine(line))
    }
}
