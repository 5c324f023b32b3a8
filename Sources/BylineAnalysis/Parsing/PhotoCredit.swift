/// Photo credits, and the captions they mark. A caption reads like a sentence, so what gives
/// it away is its credit: on the next line (`Kristina Kormilitsyna | Via Reuters`) or at its
/// end (`… in Ukraine. / Reuters`, `… Friday, June 13, 2025. (AP)`).
enum PhotoCredit {
    /// A short credit line: a name and an agency joined by `|` or ` / `, or a line that
    /// announces itself (`Photo: …`, `Image credit …`, `AP Photo/…`, `Getty Images`).
    static func isCreditLine(_ text: String) -> Bool {
        guard LineShape.wordCount(text, upTo: maximumCreditWords + 1) <= maximumCreditWords, !LineShape.endsSentence(text) else {
            return false
        }
        if text.contains("|") || text.contains(" / ") { return true }
        return mayOpenWithCreditWord(text) && text.prefixMatch(of: creditOpening) != nil
            || mayHoldCreditPhrase(text) && text.contains(creditPhrase)
    }

    /// A sentence followed by a credit on the same line: `… text. / Agency`, `… text. | Name`,
    /// `… text. (Agency)`. The text before the credit must end a sentence, so a headline like
    /// `Oil / gas prices rise` is not mistaken for one.
    static func endsWithInlineCredit(_ text: String) -> Bool {
        guard mayEndWithCredit(text), let match = text.firstMatch(of: trailingCredit) else { return false }
        let before = text[..<match.range.lowerBound]
        return LineShape.endsSentence(before)
            && LineShape.wordCount(before) >= LineShape.minimumSentenceWords
            && LineShape.wordCount(match.output.1 ?? match.output.2 ?? "") <= maximumInlineCreditWords
    }

    /// Whether `creditOpening` can match: every one of its words starts with p, i, c or f in
    /// either case, and no other ASCII letter or sign matches those ignoring case. Checked
    /// first because the regex engine costs thousands of instructions per line.
    static func mayOpenWithCreditWord(_ text: String) -> Bool {
        guard let first = text.utf8.first, first < 0x80 else { return true }
        return "pPiIcCfF".utf8.contains(first)
    }

    /// Whether `creditPhrase` can match: its literals are ASCII and matched case-sensitively,
    /// so one of them must be in the bytes.
    static func mayHoldCreditPhrase(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return creditPhraseLiterals.contains { literal in
            literal.count <= bytes.count && (0...(bytes.count - literal.count)).contains { start in
                bytes[start..<(start + literal.count)].elementsEqual(literal)
            }
        }
    }

    private static let creditPhraseLiterals = ["AP Photo", "Getty Images", "via"].map { Array($0.utf8) }

    /// Whether `trailingCredit` can match, from the bytes: the line ends with `)`, or text
    /// without `/`, `|`, `.`, `!` or `?` follows its last `/` or `|`. Most lines that hold
    /// a slash (`24/7`, `and/or`) fail here, before the regex tries every position. Where
    /// non-ASCII scalars next to that mark could join it into another character, the regex
    /// decides.
    static func mayEndWithCredit(_ text: String) -> Bool {
        let bytes = text.utf8
        if bytes.last == UInt8(ascii: ")") { return true }
        guard let mark = bytes.lastIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "|") }) else { return false }
        let tail = bytes[bytes.index(after: mark)...]
        if tail.contains(where: { $0 >= 0x80 }) { return true }
        if mark > bytes.startIndex, bytes[bytes.index(before: mark)] >= 0x80 { return true }
        return !tail.isEmpty && !tail.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }
    }

    static let maximumCreditWords = 10
    static let maximumInlineCreditWords = 6

    nonisolated(unsafe) private static let creditOpening =
        /(?:photo|photograph|image|picture|credit|courtesy|file photo)s?\b/.ignoresCase()
    nonisolated(unsafe) private static let creditPhrase = /AP Photo|Getty Images|\bvia\s+[A-Z]/
    /// ` / Agency`, ` | Name`, or `(Agency)` closing the line.
    nonisolated(unsafe) private static let trailingCredit =
        /\s+(?:[\/|]\s*([^\/|.!?]+)|\(([^()]+)\))$/
}
