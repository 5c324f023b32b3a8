/// A word of the text with its place, in Unicode scalars.
struct Token: Sendable, Hashable {
    var start: Int
    var end: Int
    var text: String
    /// The word carried a possessive `’s` / `'s` (not part of `text` or `end`).
    var possessive: Bool = false

    var isCapitalized: Bool { text.unicodeScalars.first.map { $0.isFastUppercase } ?? false }
    var isAllCaps: Bool {
        let letters = text.unicodeScalars.filter { ($0.isFastWordScalar && !$0.isFastDigit) }
        return letters.count >= 2 && letters.allSatisfy { $0.isFastUppercase }
    }
    var lower: String { text.lowercased() }
}

/// Splits text into words: letters and digits, joined across inner apostrophes, hyphens,
/// ampersands and full stops (U.S., Edmunds.com); a final full stop belongs to the word
/// when it is an abbreviation or an initial; a possessive `’s` is marked and dropped.
enum WordTokenizer {
    static func tokens(_ s: [Unicode.Scalar], in region: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        var i = region.lowerBound
        while i < region.upperBound {
            guard QuoteMarks.isWordScalar(s[i]) else { i += 1; continue }
            let start = i
            var j = i + 1
            while j < region.upperBound {
                let c = s[j]
                if QuoteMarks.isWordScalar(c) || (c.value >= 0x300 && c.properties.generalCategory == .nonspacingMark) { j += 1; continue }
                if (c == "'" || c == "’" || c == "-" || c == "." || c == "&" || c == "‑"),
                   j + 1 < region.upperBound, QuoteMarks.isWordScalar(s[j + 1]) {
                    j += 2
                    continue
                }
                break
            }
            var end = j
            var possessive = false
            // The possessive suffixes, tried in this order on what is left; compared as
            // scalars (`String.hasSuffix` on every word was a twentieth of the analysis).
            for (mark, letter) in possessiveSuffixes
            where end - start >= 2 && s[end - 2] == mark && s[end - 1] == letter
                && String(scalars: s[start..<end]).count > 2 {
                end -= 2
                possessive = true
            }
            var text = String(scalars: s[start..<end])
            if !possessive, end < region.upperBound, s[end] == "." {
                let letters = text.unicodeScalars.filter { ($0.isFastWordScalar && !$0.isFastDigit) }
                let isInitial = letters.count == 1 && text.count == 1 && letters.first!.isFastUppercase
                if isInitial || text.contains(".") || SentenceSplitter.abbreviations.contains(text)
                    || Places.stateAbbreviations["\(text)."] != nil {
                    text += "."
                    end += 1
                    j = end
                }
            }
            // A plural possessive `Browns’` keeps its word; the mark is skipped.
            if !possessive, j < region.upperBound, s[j] == "’" || s[j] == "'", text.hasSuffix("s"),
               j + 1 >= region.upperBound || !QuoteMarks.isWordScalar(s[j + 1]) {
                possessive = true
            }
            tokens.append(Token(start: start, end: end, text: text, possessive: possessive))
            i = max(j, end)
        }
        return tokens
    }

    static let possessiveSuffixes: [(mark: Unicode.Scalar, letter: Unicode.Scalar)] = [
        ("'", "s"), ("’", "s"), ("'", "S"), ("’", "S"),
    ]
}
