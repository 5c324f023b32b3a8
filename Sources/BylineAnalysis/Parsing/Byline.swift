/// An author line near the top of an article: `By Jane Doe`, `By Jane Doe and John Roe`,
/// `BY JANE DOE, Reuters`.
enum Byline {
    /// The authors named by a byline, or nil when `text` is not one.
    static func authors(in text: String) -> [String]? {
        guard LineShape.wordCount(text, upTo: maximumWords + 1) <= maximumWords, !LineShape.endsSentence(text),
              mayOpenWithBy(text), let match = text.prefixMatch(of: opening) else { return nil }
        let names = text[match.range.upperBound...]
            .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "&" || $0 == "|" })
            .flatMap { $0.split(separator: " and ") }
            .map { $0.trimming(Character.isNameSpace) }
            .filter(isPersonName)
        return names.isEmpty ? nil : names
    }

    /// Two to four words, each capitalised or a name particle (`van`, `de`, `al-`), and no
    /// job title — so `Reuters` or `Moscow Correspondent` is not taken for an author.
    static func isPersonName(_ candidate: String) -> Bool {
        let words = candidate.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        if words.contains(where: { roleWords.contains($0.lowercased()) }) { return false }
        return words.enumerated().allSatisfy { index, word in
            guard let first = word.first else { return false }
            if first.isUppercase { return true }
            return index > 0 && particles.contains(where: { word.lowercased().hasPrefix($0) })
        }
    }

    /// Whether `opening` can match: it starts with `w` or `b` in either case, and no other
    /// ASCII character matches those ignoring case; the regex costs far more than this.
    static func mayOpenWithBy(_ text: String) -> Bool {
        guard let first = text.utf8.first, first < 0x80 else { return true }
        return "wWbB".utf8.contains(first)
    }

    static let maximumWords = 12

    nonisolated(unsafe) private static let opening = /(?:written\s+)?by\s+/.ignoresCase()
    private static let particles = ["van", "von", "de", "der", "da", "di", "du", "la", "le", "al-", "bin", "el-", "ibn"]
    private static let roleWords: Set<String> = [
        "correspondent", "reporter", "editor", "writer", "staff", "contributor", "columnist",
        "desk", "agencies", "news",
    ]
}
