/// A quotation found in the text: the words between its marks, and where the marks are.
public struct QuoteSpan: Sendable, Hashable {
    /// The quoted words, without the marks.
    public var content: TextSpan
    /// Index of the opening mark.
    public var open: Int
    /// Index of the closing mark (its first scalar), or nil when the paragraph ends first.
    public var close: Int?
    /// Index of the paragraph (line) in the extractor's input.
    public var paragraph: Int
}

/// `[paragraph] → [QuoteSpan]`: finds direct quotations in paragraphs of text.
///
/// Double marks (curly, straight, guillemets, and `’’` used as a closing double mark) open
/// or close by their neighbours: a mark after white space or the line start and before a
/// word opens, any other closes. A quotation left open at the end of its paragraph ends
/// there (quotations running over paragraphs repeat the opening mark), so an unbalanced
/// mark never swallows the rest of the article. Single marks quote only outside double
/// quotations, opening before a word and closing after one — so apostrophes (don't, Iran's)
/// are never marks. Short all-capitalised labels in running prose ("Caja Magica") are names,
/// not quotations.
public enum QuoteExtractor {
    public static func extract(_ text: String) -> [QuoteSpan] {
        let s = Array(text.unicodeScalars)
        return extract(s, paragraphs: lineRanges(s, in: 0..<s.count))
    }

    static func lineRanges(_ s: [Unicode.Scalar], in region: Range<Int>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = region.lowerBound
        for i in region where s[i] == "\n" {
            lines.append(start..<i)
            start = i + 1
        }
        if start < region.upperBound { lines.append(start..<region.upperBound) }
        return lines
    }

    static func extract(_ s: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [QuoteSpan] {
        var result: [QuoteSpan] = []
        for (index, line) in paragraphs.enumerated() {
            var doubles = doubleQuotes(s, line: line, paragraph: index)
            let singles = singleQuotes(s, line: line, paragraph: index, outside: doubles)
            doubles.append(contentsOf: singles)
            doubles.sort { $0.open < $1.open }
            result.append(contentsOf: doubles.filter { !isLabel(s, $0.content) || isHeadlineLike(s, line: line) })
        }
        return result
    }

    private static func at(_ s: [Unicode.Scalar], _ i: Int, _ line: Range<Int>) -> Unicode.Scalar? {
        line.contains(i) ? s[i] : nil
    }

    static func doubleQuotes(_ s: [Unicode.Scalar], line: Range<Int>, paragraph: Int) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var openAt: Int?
        var i = line.lowerBound
        while i < line.upperBound {
            let c = s[i]
            var isMark = QuoteMarks.isDouble(c)
            var width = 1
            // `’’` or `''` standing for a closing double mark.
            if !isMark, (c == "’" || c == "'"), let n = at(s, i + 1, line), n == c,
               let p = at(s, i - 1, line), !p.isFastWhitespace {
                isMark = true
                width = 2
            }
            guard isMark else { i += 1; continue }
            let prev = at(s, i - 1, line)
            let next = at(s, i + width, line)
            let nextIsBlank = next == nil || next!.isFastWhitespace
            let prevIsOpening = QuoteMarks.isOpeningContext(prev)
            let opens: Bool
            switch c {
            case "“", "„", "«": opens = !(nextIsBlank && !prevIsOpening)
            case "”", "»": opens = prevIsOpening && !nextIsBlank && openAt == nil
            default:
                if width == 2 { opens = false } else if openAt == nil {
                    opens = !nextIsBlank || prev == nil
                } else {
                    opens = prevIsOpening && !nextIsBlank
                }
            }
            if let o = openAt {
                if !opens {
                    if o + 1 < i { spans.append(QuoteSpan(content: TextSpan(start: o + 1, end: i), open: o, close: i, paragraph: paragraph)) }
                    openAt = nil
                }
                // An opening mark inside an open quotation is a nested quotation: part of it.
            } else if opens {
                openAt = i
            }
            i += width
        }
        if let o = openAt {
            var end = line.upperBound
            while end > o + 1, s[end - 1].isBlankForTrimming { end -= 1 }
            if end > o + 1 {
                spans.append(QuoteSpan(content: TextSpan(start: o + 1, end: end), open: o, close: nil, paragraph: paragraph))
            }
        }
        return spans
    }

    static func singleQuotes(_ s: [Unicode.Scalar], line: Range<Int>, paragraph: Int, outside doubles: [QuoteSpan]) -> [QuoteSpan] {
        func insideDouble(_ i: Int) -> Bool {
            doubles.contains { $0.open <= i && i <= ($0.close ?? $0.content.end) }
        }
        var spans: [QuoteSpan] = []
        var openAt: Int?
        var i = line.lowerBound
        while i < line.upperBound {
            let c = s[i]
            guard QuoteMarks.isSingle(c), !insideDouble(i) else { i += 1; continue }
            let prev = at(s, i - 1, line)
            let next = at(s, i + 1, line)
            let prevIsWord = prev.map(QuoteMarks.isWordScalar) ?? false
            let nextIsWord = next.map(QuoteMarks.isWordScalar) ?? false
            if prevIsWord && nextIsWord { i += 1; continue }  // apostrophe: don't, Iran's
            if let o = openAt {
                if !nextIsWord, let p = prev, !p.isFastWhitespace, c != "‘" {
                    // `Browns' season`: a plural possessive only closes if it makes a short phrase.
                    if i > o + 1 { spans.append(QuoteSpan(content: TextSpan(start: o + 1, end: i), open: o, close: i, paragraph: paragraph)) }
                    openAt = nil
                }
            } else if c != "’", QuoteMarks.isOpeningContext(prev), nextIsWord {
                openAt = i
            } else if c == "’", prev.map({ $0.isFastWhitespace }) ?? true, nextIsWord {
                openAt = i
            }
            i += 1
        }
        // Quotations in single marks are short; long runs are mismatched apostrophes.
        return spans.filter { wordCount(s, $0.content) <= 20 }
    }

    static func wordCount(_ s: [Unicode.Scalar], _ span: TextSpan) -> Int {
        var count = 0, inWord = false
        for i in span.start..<span.end {
            let w = !s[i].isFastWhitespace
            if w && !inWord { count += 1 }
            inWord = w
        }
        return count
    }

    /// A line shaped like a headline: no full stop at its end and most words capitalised.
    static func isHeadlineLike(_ s: [Unicode.Scalar], line: Range<Int>) -> Bool {
        var words = 0, capitalised = 0, atStart = true
        var last: Unicode.Scalar = " "
        for i in line {
            let c = s[i]
            if c.isFastWhitespace { atStart = true; continue }
            if atStart, QuoteMarks.isWordScalar(c) || QuoteMarks.isDouble(c) || QuoteMarks.isSingle(c) {
                words += 1
                var j = i
                while j < line.upperBound, !QuoteMarks.isWordScalar(s[j]), !s[j].isFastWhitespace { j += 1 }
                if j < line.upperBound, s[j].isFastUppercase || s[j].isFastDigit { capitalised += 1 }
            }
            atStart = false
            last = c
        }
        guard words >= 2, last != "." else { return false }
        return capitalised * 10 >= words * 7
    }

    /// Words in marks that name something rather than quote it: a few capitalised words
    /// (or one camel-cased word) with no sentence punctuation.
    static func isLabel(_ s: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        var words: [[Unicode.Scalar]] = [[]]
        for i in span.start..<span.end {
            if s[i].isFastWhitespace { if !words[words.count - 1].isEmpty { words.append([]) } } else { words[words.count - 1].append(s[i]) }
        }
        words = words.filter { !$0.isEmpty }
        guard !words.isEmpty, words.count <= 4 else { return false }
        if let last = s[span.end - 1] as Unicode.Scalar?, ".!?,;:".unicodeScalars.contains(last) { return false }
        let small: Set<String> = ["of", "the", "and", "de", "for", "in", "a"]
        let allCapitalised = words.allSatisfy { w in
            small.contains(String(scalars: w)) || (w.first?.isFastUppercase ?? false)
        }
        if allCapitalised && words.contains(where: { $0.first?.isFastUppercase ?? false }) {
            // "I" alone or a first-person opener is speech, not a label.
            if words.count == 1 && words[0].count <= 1 { return false }
            return true
        }
        if words.count == 1, words[0].dropFirst().contains(where: { $0.isFastUppercase }),
           words[0].first?.isFastLowercase ?? false { return true }  // factcheckUK
        return false
    }
}
