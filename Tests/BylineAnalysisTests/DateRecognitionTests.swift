import Testing
@testable import BylineAnalysis

@Suite("Printed dates and date lines")
struct DateRecognitionTests {
    @Test("printed dates", arguments: [
        ("June 14, 2025", "2025-06-14"),
        ("14 June 2025", "2025-06-14"),
        ("Saturday, June 14, 2025", "2025-06-14"),
        ("Jun. 14 2025", "2025-06-14"),
        ("14th of June, 2025", "2025-06-14"),
        ("Sept 3, 2024", "2024-09-03"),
        ("2025-06-14", "2025-06-14"),
    ])
    func printed(_ text: String, _ expected: String) throws {
        let found = try #require(PrintedDate.leading(in: Substring(text)))
        #expect(found.date.iso == expected)
        #expect(found.end == text.endIndex)
    }

    @Test("not dates", arguments: ["June 31, 2025", "Junk 14, 2025", "14 Juno 2025", "June 2025", "1 min read"])
    func notDates(_ text: String) {
        #expect(PrintedDate.leading(in: Substring(text)) == nil)
    }

    @Test("a `date` marker opens a line; what follows it is the line's content")
    func marker() throws {
        let prefix = try #require(DatePrefix.parse("date 2025-06-15 (Headline USA) Russian President"))
        #expect(prefix.kind == .published)
        #expect(prefix.date.iso == "2025-06-15")
        #expect("date 2025-06-15 (Headline USA) Russian President".unicodeScalars
            .dropFirst(prefix.contentOffset).starts(with: "(Headline USA)".unicodeScalars))
    }

    @Test("published and updated markers, with times")
    func publishedAndUpdated() throws {
        let published = try #require(DatePrefix.parse("Published: June 14, 2025 10:30 GMT"))
        #expect(published.kind == .published)
        #expect(published.contentOffset == "Published: June 14, 2025 10:30 GMT".unicodeScalars.count)
        let updated = try #require(DatePrefix.parse("Updated 15 June 2025"))
        #expect(updated.kind == .updated)
        #expect(updated.date.iso == "2025-06-15")
    }

    @Test("a bare date counts only alone on its line (a time may follow)")
    func bareDate() throws {
        #expect(try #require(DatePrefix.parse("June 14, 2025")).kind == .bare)
        #expect(try #require(DatePrefix.parse("June 14, 2025 | 9:05 a.m. ET")).kind == .bare)
        #expect(DatePrefix.parse("June 14, 2025 was the day the call took place.") == nil)
        #expect(DatePrefix.parse("Date night ideas for June") == nil)
    }
}
