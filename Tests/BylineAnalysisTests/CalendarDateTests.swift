import Testing
@testable import BylineAnalysis

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("parses YYYY-MM-DD and writes it back", arguments: ["2025-06-14", "2024-02-29", "0999-12-31"])
    func roundTrip(_ text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.iso == text)
    }

    @Test("rejects what is not exactly a real day",
          arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "2025-06-31", "2025-6-14", "2025-06-14T00:00",
                      " 2025-06-14", "20250614", "２０２５-06-14", "", "yesterday"])
    func rejects(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test("orders by day")
    func ordering() throws {
        let earlier = try #require(CalendarDate(iso: "2025-06-14"))
        let later = try #require(CalendarDate(iso: "2025-06-15"))
        #expect(earlier < later)
        #expect(!(later < earlier))
    }
}
