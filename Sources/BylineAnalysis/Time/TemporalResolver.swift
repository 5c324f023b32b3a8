/// A date the text refers to, resolved to a calendar day.
public struct DateMention: Sendable, Hashable, Codable {
    /// The words as printed ("on Saturday", "June 22").
    public var text: String
    public var span: TextSpan
    public var date: CalendarDate

    public init(text: String, span: TextSpan, date: CalendarDate) {
        self.text = text
        self.span = span
        self.date = date
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM-DD: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Resolves the date expressions of a news text against its publication date: explicit
/// dates ("June 14, 2025", "14 June", "2025-06-14"), weekdays ("on Saturday"), and
/// "today", "yesterday", "tomorrow", "last/next <weekday>". News reports the past, so a
/// bare weekday is the latest one on or before publication, unless its sentence speaks of
/// what is to come ("scheduled for Sunday", "will meet on Monday"); a month and day without
/// a year take the publication year, or the previous year when that would lie more than
/// a season ahead. Without a publication date only fully explicit dates resolve.
public enum TemporalResolver {
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]
    static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                                     "oct", "nov", "dec"]
    /// Words that make a sentence about the future.
    static let futureCues: Set<String> = ["will", "scheduled", "planned", "plans", "due", "expected", "set",
                                          "upcoming", "next", "later", "shall", "tomorrow"]

    public static func resolve(text: String, published: CalendarDate?) -> [DateMention] {
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenize(scalars)
        var mentions: [DateMention] = []
        var index = 0
        while index < tokens.count {
            if let (mention, consumed) = match(at: index, tokens: tokens, scalars: scalars, published: published) {
                mentions.append(mention)
                index += consumed
            } else {
                index += 1
            }
        }
        return mentions
    }

    struct Token {
        var lower: String
        var start: Int
        var end: Int
        var isNumber: Bool { !lower.isEmpty && lower.allSatisfy(\.isNumber) }
        var sentenceEnd: Bool
    }

    /// Words and numbers with their scalar offsets; `sentenceEnd` marks a token followed by
    /// `.`, `!` or `?` (so future cues are looked for within one sentence).
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                let start = i
                while i < scalars.count, scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i])
                        || (scalars[i] == "-" && i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1])
                            && ("0"..."9").contains(scalars[i - 1])) {
                    i += 1
                }
                var word = ""
                word.unicodeScalars.append(contentsOf: scalars[start..<i])
                let next = i < scalars.count ? scalars[i] : " "
                tokens.append(Token(lower: word.lowercased(), start: start, end: i,
                                    sentenceEnd: next == "." || next == "!" || next == "?"))
            } else {
                if (s == "\n") { if var last = tokens.popLast() { last.sentenceEnd = true; tokens.append(last) } }
                i += 1
            }
        }
        return tokens
    }

    static func match(at i: Int, tokens: [Token], scalars: [Unicode.Scalar],
                      published: CalendarDate?) -> (DateMention, Int)? {
        let token = tokens[i]
        func mention(_ from: Int, _ to: Int, _ date: CalendarDate) -> (DateMention, Int) {
            var words = ""
            words.unicodeScalars.append(contentsOf: scalars[tokens[from].start..<tokens[to].end])
            return (DateMention(text: words, span: TextSpan(start: tokens[from].start, end: tokens[to].end), date: date),
                    to - from + 1)
        }
        // 2025-06-14
        if let iso = CalendarDate(iso: token.lower) { return mention(i, i, iso) }
        // Month Day[, Year] / Month Day
        if let month = monthNumber(token.lower), i + 1 < tokens.count, tokens[i + 1].isNumber,
           let day = Int(tokens[i + 1].lower), (1...31).contains(day), !token.sentenceEnd {
            if i + 2 < tokens.count, tokens[i + 2].isNumber, tokens[i + 2].lower.count == 4,
               let year = Int(tokens[i + 2].lower), let date = CalendarDate(year: year, month: month, day: day) {
                return mention(i, i + 2, date)
            }
            if let date = yearless(month: month, day: day, published: published) { return mention(i, i + 1, date) }
        }
        // Day Month[ Year]
        if token.isNumber, let day = Int(token.lower), (1...31).contains(day), i + 1 < tokens.count,
           let month = monthNumber(tokens[i + 1].lower), tokens[i + 1].lower.count > 2 {
            if i + 2 < tokens.count, tokens[i + 2].isNumber, tokens[i + 2].lower.count == 4,
               let year = Int(tokens[i + 2].lower), let date = CalendarDate(year: year, month: month, day: day) {
                return mention(i, i + 2, date)
            }
            if let date = yearless(month: month, day: day, published: published) { return mention(i, i + 1, date) }
        }
        guard let published else { return nil }
        switch token.lower {
        case "today": return mention(i, i, published)
        case "yesterday": return published.adding(days: -1).map { mention(i, i, $0) }
        case "tomorrow": return published.adding(days: 1).map { mention(i, i, $0) }
        case "last", "next", "this":
            guard i + 1 < tokens.count, let weekday = weekdays.firstIndex(of: tokens[i + 1].lower) else { return nil }
            let date = token.lower == "last" ? previous(weekday, before: published, inclusive: false)
                : token.lower == "next" ? following(weekday, after: published)
                : nearest(weekday, published: published, future: isFuture(sentenceOf: i, tokens: tokens))
            return date.map { mention(i, i + 1, $0) }
        default:
            guard let weekday = weekdays.firstIndex(of: token.lower) else { return nil }
            let future = isFuture(sentenceOf: i, tokens: tokens)
            return nearest(weekday, published: published, future: future).map { mention(i, i, $0) }
        }
    }

    static func monthNumber(_ word: String) -> Int? {
        if let full = months.firstIndex(of: word) { return full + 1 }
        if let short = monthAbbreviations.firstIndex(of: word) { return short < 9 ? short + 1 : short }
        return nil
    }

    static func yearless(month: Int, day: Int, published: CalendarDate?) -> CalendarDate? {
        guard let published, let date = CalendarDate(year: published.year, month: month, day: day) else { return nil }
        // More than about a season ahead of publication: last year's date.
        if date.dayNumber - published.dayNumber > 120 {
            return CalendarDate(year: published.year - 1, month: month, day: day)
        }
        return date
    }

    static func isFuture(sentenceOf index: Int, tokens: [Token]) -> Bool {
        var start = index
        while start > 0, !tokens[start - 1].sentenceEnd { start -= 1 }
        var end = index
        while end < tokens.count - 1, !tokens[end].sentenceEnd { end += 1 }
        return tokens[start...end].contains { futureCues.contains($0.lower) }
    }

    static func nearest(_ weekday: Int, published: CalendarDate, future: Bool) -> CalendarDate? {
        future ? following(weekday, after: published) : previous(weekday, before: published, inclusive: true)
    }

    static func previous(_ weekday: Int, before date: CalendarDate, inclusive: Bool) -> CalendarDate? {
        var back = (date.weekday - weekday + 7) % 7
        if back == 0 && !inclusive { back = 7 }
        return date.adding(days: -back)
    }

    static func following(_ weekday: Int, after date: CalendarDate) -> CalendarDate? {
        var ahead = (weekday - date.weekday + 7) % 7
        if ahead == 0 { ahead = 7 }
        return date.adding(days: ahead)
    }
}
