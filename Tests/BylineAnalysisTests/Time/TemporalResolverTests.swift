import Testing
@testable import BylineAnalysis

struct TemporalResolverTests {
    let saturday = CalendarDate(year: 2025, month: 6, day: 14)!

    func dates(_ text: String, published: CalendarDate? = CalendarDate(year: 2025, month: 6, day: 14)) -> [String] {
        TemporalResolver.resolve(text: text, published: published).map { "\($0.text)=\($0.date.iso)" }
    }

    @Test func dayArithmeticAndWeekdays() {
        #expect(saturday.weekday == 6)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2024, month: 2, day: 28)!.adding(days: 1)?.iso == "2024-02-29")
        #expect(CalendarDate(year: 2024, month: 12, day: 31)!.adding(days: 1)?.iso == "2025-01-01")
        #expect(CalendarDate(dayNumber: saturday.dayNumber) == saturday)
    }

    @Test func bareWeekdayInPastTenseIsOnOrBeforePublication() {
        #expect(dates("Putin spoke to Trump on Saturday.") == ["Saturday=2025-06-14"])
        #expect(dates("The two met on Thursday.") == ["Thursday=2025-06-12"])
    }

    @Test func weekdayInAFutureSentenceIsAfterPublication() {
        #expect(dates("The latest round, scheduled for Sunday in Oman, has been cancelled.") == ["Sunday=2025-06-15"])
        #expect(dates("They will meet on Monday.") == ["Monday=2025-06-16"])
    }

    @Test func lastAndNextWeekdays() {
        #expect(dates("last Saturday") == ["last Saturday=2025-06-07"])
        #expect(dates("next Saturday") == ["next Saturday=2025-06-21"])
    }

    @Test func explicitDates() {
        #expect(dates("talks with Ukraine after June 22.") == ["June 22=2025-06-22"])
        #expect(dates("on June 14, 2025 and 3 March 2024") == ["June 14, 2025=2025-06-14", "3 March 2024=2024-03-03"])
        #expect(dates("dated 2025-06-14") == ["2025-06-14=2025-06-14"])
        #expect(dates("since December 5", published: saturday) == ["December 5=2024-12-05"], "far ahead → last year")
    }

    @Test func relativeDays() {
        #expect(dates("yesterday and today, not tomorrow") ==
                ["yesterday=2025-06-13", "today=2025-06-14", "tomorrow=2025-06-15"])
    }

    @Test func withoutPublicationDateOnlyExplicitDatesResolve() {
        #expect(dates("on Saturday, June 14, 2025", published: nil) == ["June 14, 2025=2025-06-14"])
    }

    @Test func spansSliceTheWords() {
        let text = "Née à Paris — talks on Saturday."
        let mention = try! #require(TemporalResolver.resolve(text: text, published: saturday).first)
        let scalars = Array(text.unicodeScalars)
        var sliced = ""
        sliced.unicodeScalars.append(contentsOf: scalars[mention.span.start..<mention.span.end])
        #expect(sliced == "Saturday")
    }

    @Test func numbersAndWordsThatAreNotDates() {
        #expect(dates("May I say 50 minutes of 2025 talks") == [])
    }
}
