/// Dates as news pages print them: ISO `2025-06-14`, `June 14, 2025`, `Jun. 14 2025`,
/// `14 June 2025`, `14th of June, 2025`, each optionally after a weekday.
enum PrintedDate {
    /// The date that opens `text`, and where it ends; nil when `text` does not open with one.
    static func leading(in text: Substring) -> (date: CalendarDate, end: String.Index)? {
        // Every form has a digit near its start; most lines have none, and the regexes are
        // the parser's most expensive step.
        guard text.utf8.prefix(40).contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if let match = text.prefixMatch(of: isoDate),
           let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
           let date = CalendarDate(year: year, month: month, day: day) {
            return (date, match.range.upperBound)
        }
        if let match = text.prefixMatch(of: monthDayYear),
           let month = monthNumber(match.1), let day = Int(match.2), let year = Int(match.3),
           let date = CalendarDate(year: year, month: month, day: day) {
            return (date, match.range.upperBound)
        }
        if let match = text.prefixMatch(of: dayMonthYear),
           let day = Int(match.1), let month = monthNumber(match.2), let year = Int(match.3),
           let date = CalendarDate(year: year, month: month, day: day) {
            return (date, match.range.upperBound)
        }
        return nil
    }

    /// Where a time of day that opens `text` ends (`, 10:30 AM GMT`, `at 9.05 a.m. ET`), so a
    /// date line with a time still counts as a date line; nil when `text` opens with none.
    static func leadingTime(in text: Substring) -> String.Index? {
        text.prefixMatch(of: timeOfDay)?.range.upperBound
    }

    static func monthNumber(_ name: Substring) -> Int? {
        switch name.lowercased() {
        case "january", "jan": 1
        case "february", "feb": 2
        case "march", "mar": 3
        case "april", "apr": 4
        case "may": 5
        case "june", "jun": 6
        case "july", "jul": 7
        case "august", "aug": 8
        case "september", "sept", "sep": 9
        case "october", "oct": 10
        case "november", "nov": 11
        case "december", "dec": 12
        default: nil
        }
    }

    // `Regex` is not declared `Sendable`, but a built regex is immutable and lowers its
    // program once, atomically, on first use; sharing one between threads is safe (exercised
    // by ConcurrentParsingTests), so the parser's regexes are static and compiled once.
    nonisolated(unsafe) private static let isoDate = /(\d{4})-(\d{2})-(\d{2})(?!\d)/

    nonisolated(unsafe) private static let monthDayYear =
        /(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/
            .ignoresCase()

    nonisolated(unsafe) private static let dayMonthYear =
        /(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})(?!\d)/
            .ignoresCase()

    nonisolated(unsafe) private static let timeOfDay =
        /[\s,|·•]*(?:[Aa]t\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:[A-Z]{2,5}|(?:UTC|GMT)[+-]\d{1,2}))?(?!\w)/
}
