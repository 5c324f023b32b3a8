/// A sentence of an article: where it lies in the text, in Unicode scalars.
public struct Sentence: Sendable, Hashable {
    public var span: TextSpan
    /// Index of the paragraph (line) the sentence belongs to, counted in the region split.
    public var paragraph: Int
}

/// `RawText → [Sentence]`: splits a region of text into sentences at line breaks and at
/// `.`, `!`, `?` followed by white space and a capital, digit or opening quotation mark —
/// unless the word before the full stop is an abbreviation (U.S., Mr., Dr., Sen.) or an
/// initial. Characters inside `masked` ranges (quotations) never end a sentence.
public enum SentenceSplitter {
    public static func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        return split(scalars, in: 0..<scalars.count)
    }

    static func split(_ s: [Unicode.Scalar], in region: Range<Int>, masked: [Range<Int>] = []) -> [Sentence] {
        var sentences: [Sentence] = []
        var paragraph = 0
        var start = region.lowerBound
        var maskIndex = 0
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b, s[a].isFastWhitespace { a += 1 }
            while b > a, s[b - 1].isFastWhitespace { b -= 1 }
            if a < b { sentences.append(Sentence(span: TextSpan(start: a, end: b), paragraph: paragraph)) }
        }
        var i = region.lowerBound
        while i < region.upperBound {
            while maskIndex < masked.count, masked[maskIndex].upperBound <= i { maskIndex += 1 }
            if maskIndex < masked.count, masked[maskIndex].contains(i) {
                i = masked[maskIndex].upperBound
                continue
            }
            let c = s[i]
            if c == "\n" {
                emit(i)
                paragraph += 1
                start = i + 1
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < region.upperBound, isClosing(s[j]) { j += 1 }
                guard j < region.upperBound, s[j] == " " || s[j] == "\u{A0}" || s[j] == "\t" else { i += 1; continue }
                var k = j
                while k < region.upperBound, s[k] == " " || s[k] == "\u{A0}" || s[k] == "\t" { k += 1 }
                guard k < region.upperBound else { i += 1; continue }
                let next = s[k]
                let startsSentence = next.isFastUppercase || next.isFastDigit
                    || QuoteMarks.isDouble(next) || next == "‘" || next == "'"
                if startsSentence, !(c == "." && isAbbreviation(s, endingAt: i, from: start)) {
                    emit(j)
                    start = j
                    i = j
                    continue
                }
            }
            i += 1
        }
        emit(region.upperBound)
        return sentences
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        QuoteMarks.isDouble(c) || c == "’" || c == "'" || c == ")" || c == "]"
    }

    /// Whether the word ending with the full stop at `dot` is an abbreviation or an initial.
    static func isAbbreviation(_ s: [Unicode.Scalar], endingAt dot: Int, from lower: Int) -> Bool {
        var a = dot
        while a > lower, (s[a - 1].isFastWordScalar && !s[a - 1].isFastDigit) || s[a - 1] == "." { a -= 1 }
        let w = String(scalars: s[a..<dot])
        if w.isEmpty { return false }
        if w.count == 1, w.unicodeScalars.first!.isFastUppercase { return true }
        if w.contains(".") { return true }  // U.S, D.C, U.K
        return abbreviations.contains(w)
    }

    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col",
        "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Jr", "Sr", "Rev", "Hon", "Mt", "Ft", "vs", "etc", "No",
        "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Ave",
        "Blvd", "approx", "Calif", "Fla", "Neb", "Minn", "Ariz", "Mass", "Mich", "Conn", "Tenn",
    ]
}
