/// The typographic shape of a line: how a paragraph of prose, a headline and a rule differ
/// on the page, independent of what the words say.
enum LineShape {
    /// Whitespace-separated tokens that hold at least one letter or digit (`—` is no word).
    static func wordCount(_ text: some StringProtocol) -> Int {
        wordCount(text, upTo: .max)
    }

    /// The number of words, counting no further than `limit`: callers that only compare the
    /// count with a small bound stop early on long paragraphs.
    static func wordCount(_ text: some StringProtocol, upTo limit: Int) -> Int {
        var count = 0
        guard limit > 0 else { return 0 }
        scanWords(Substring(text)) { _, _ in
            count += 1
            return count < limit
        }
        return count
    }

    static func words(_ text: some StringProtocol) -> [Substring] {
        let line = Substring(text)
        let utf8 = line.utf8
        var words: [Substring] = []
        scanWords(line) { start, end in
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(utf8.startIndex, offsetBy: end)
            words.append(line[lower..<upper])
            return true
        }
        return words
    }

    /// Calls `visit` with the UTF-8 offsets of each word of `line` until it returns false.
    ///
    /// Decodes the UTF-8 bytes with an ASCII fast path: `Character` properties (grapheme
    /// breaking and a table lookup per character), and even stepping through the scalar
    /// view's indices, made this the parser's hottest loop.
    static func scanWords(_ line: Substring, _ visit: (Int, Int) -> Bool) {
        if let done: Void = line.utf8.withContiguousStorageIfAvailable({ scanWords($0, visit) }) {
            return done
        }
        Array(line.utf8).withUnsafeBufferPointer { scanWords($0, visit) }
    }

    static func scanWords(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Int, Int) -> Bool) {
        var start = -1
        var hasWordCharacter = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let width: Int
            let isSpace: Bool
            let isWordCharacter: Bool
            if byte < 0x80 {
                width = 1
                isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
                isWordCharacter = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            } else {
                let value: UInt32
                // Swift strings hold valid UTF-8, so the lead byte gives the length.
                if byte < 0xE0 {
                    width = 2
                    value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                } else if byte < 0xF0 {
                    width = 3
                    value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                } else {
                    width = 4
                    value = UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                }
                let properties = (Unicode.Scalar(value) ?? "\u{FFFD}").properties
                isSpace = properties.isWhitespace
                isWordCharacter = !isSpace && (properties.isAlphabetic || properties.numericType != nil)
            }
            if isSpace {
                if start >= 0, hasWordCharacter, !visit(start, index) { return }
                start = -1
                hasWordCharacter = false
            } else {
                if start < 0 { start = index }
                if isWordCharacter { hasWordCharacter = true }
            }
            index += width
        }
        if start >= 0, hasWordCharacter { _ = visit(start, count) }
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
        let count = wordCount(text, upTo: unpunctuatedProseWords)
        return (endsSentence(text) && count >= minimumSentenceWords) || count >= unpunctuatedProseWords
    }

    /// A headline's shape: a few words that do not end with a period (a question or
    /// exclamation mark is fine), not so many that it must be a paragraph.
    static func isHeadline(_ text: some StringProtocol) -> Bool {
        let count = wordCount(text, upTo: maximumHeadlineWords + 1)
        guard (2...maximumHeadlineWords).contains(count) else { return false }
        var trimmed = Substring(text)
        while let last = trimmed.last, closers.contains(last) { trimmed = trimmed.dropLast() }
        return !(trimmed.hasSuffix(".") && !trimmed.hasSuffix(".."))
    }

    /// A rule or ornament between blocks (`-`, `***`, `___`, `• • •`): no letters or digits.
    static func isSeparator(_ text: some StringProtocol) -> Bool {
        // At most 20 characters, found without counting a whole paragraph's.
        !text.isEmpty && (text.index(text.startIndex, offsetBy: 20, limitedBy: text.endIndex).map { $0 == text.endIndex } ?? true)
            && !text.contains(where: { $0.isLetter || $0.isNumber })
    }

    /// `1 min read`, `5 minute read`, `3-min read`.
    static func isReadingTime(_ text: String) -> Bool {
        // The whole line must run from a digit to `read`: an ASCII first character that is
        // no digit, or an ASCII last one that is no `d`, rules it out before the regex.
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        if first < 0x80, !(0x30...0x39).contains(first) { return false }
        if last < 0x80, last != UInt8(ascii: "d"), last != UInt8(ascii: "D") { return false }
        return text.wholeMatch(of: readingTime) != nil
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
