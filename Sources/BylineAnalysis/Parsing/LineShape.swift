/// The typographic shape of a line: how a paragraph of prose, a headline and a rule differ
/// on the page, independent of what the words say.
enum LineShape {
    /// Whitespace-separated tokens that hold at least one letter or digit (`—` is no word).
    static func wordCount(_ text: some StringProtocol) -> Int {
        words(text).count
    }

    /// Scans Unicode scalars with an ASCII fast path: `Character` properties (grapheme
    /// breaking and a table lookup per character) made this the parser's hottest loop.
    static func words(_ text: some StringProtocol) -> [Substring] {
        let line = Substring(text)
        let scalars = line.unicodeScalars
        var words: [Substring] = []
        var start: String.Index?
        var hasWordCharacter = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            let isSpace: Bool
            let isWordCharacter: Bool
            if value < 0x80 {
                isSpace = value == 0x20 || (0x09...0x0D).contains(value)
                isWordCharacter = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            } else {
                isSpace = scalar.properties.isWhitespace
                isWordCharacter = !isSpace && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            }
            if isSpace {
                if let begin = start, hasWordCharacter { words.append(line[begin..<index]) }
                start = nil
                hasWordCharacter = false
            } else {
                if start == nil { start = index }
                if isWordCharacter { hasWordCharacter = true }
            }
            index = scalars.index(after: index)
        }
        if let begin = start, hasWordCharacter { words.append(line[begin..<line.endIndex]) }
        return words
    }

    /// Whether the line ends a sentence: `.`, `!`, `?` or `…`, possibly inside closing quotes
    /// or brackets (`…very useful."`, `…Happy Birthday.”`).
    static func endsSentence(_ text: some StringProtocol) -> Bool {
        var last = text.last
        var rest = Substring(text)
        while let character = last, closers.contains(character) {
            rest = rest.dropLast()
            last = rest.last
        }
        guard let final = last else { return false }
        return terminators.contains(final)
    }

    /// A paragraph of running text: sentences (it ends like one and has a few words), or a
    /// block too long to be anything but prose even if its last sentence lost its period.
    static func isProse(_ text: some StringProtocol) -> Bool {
        let count = wordCount(text)
        return (endsSentence(text) && count >= minimumSentenceWords) || count >= unpunctuatedProseWords
    }

    /// A headline's shape: a few words that do not end with a period (a question or
    /// exclamation mark is fine), not so many that it must be a paragraph.
    static func isHeadline(_ text: some StringProtocol) -> Bool {
        let count = wordCount(text)
        guard (2...maximumHeadlineWords).contains(count) else { return false }
        var trimmed = Substring(text)
        while let last = trimmed.last, closers.contains(last) { trimmed = trimmed.dropLast() }
        return !(trimmed.hasSuffix(".") && !trimmed.hasSuffix(".."))
    }

    /// A rule or ornament between blocks (`-`, `***`, `___`, `• • •`): no letters or digits.
    static func isSeparator(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 20 && !text.contains(where: { $0.isLetter || $0.isNumber })
    }

    /// `1 min read`, `5 minute read`, `3-min read`.
    static func isReadingTime(_ text: String) -> Bool {
        text.wholeMatch(of: readingTime) != nil
    }

    /// A desk label printed after a date (`WORLD`, `MIDDLE EAST`): one to three words, all
    /// capitals, no sentence punctuation.
    static func isSectionLabel(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard (1...3).contains(parts.count) else { return false }
        return parts.allSatisfy { word in
            word.contains(where: \.isLetter)
                && word.allSatisfy { $0.isUppercase || $0 == "&" || $0 == "-" || $0 == "/" }
        }
    }

    static let minimumSentenceWords = 4
    static let unpunctuatedProseWords = 40
    static let maximumHeadlineWords = 30

    private static let terminators: Set<Character> = [".", "!", "?", "…"]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", "»", "›", ")", "]", "*"]

    nonisolated(unsafe) private static let readingTime =
        /\d{1,3}\s*-?\s*(?:min|mins|minute|minutes)\.?\s+read/.ignoresCase()
}
