/// One line of an article's text: its content with surrounding blanks trimmed, and where
/// that content lies in the whole text.
struct SourceLine: Equatable {
    /// Zero-based position among the text's lines.
    let number: Int
    /// The trimmed content's place in the text (an empty span at the line's end when blank).
    let span: TextSpan
    /// The trimmed content.
    let text: String

    var isBlank: Bool { text.isEmpty }
}

enum LineSplitter {
    /// Splits on LF, CR LF, lone CR and the Unicode line and paragraph separators, so the
    /// same page scraped on any platform yields the same lines.
    static func lines(of text: ScalarText) -> [SourceLine] {
        var lines: [SourceLine] = []
        var lineStart = 0
        var index = 0
        let scalars = text.scalars

        func finishLine(at end: Int) {
            var start = lineStart
            var stop = end
            while start < stop, scalars[start].isBlankForTrimming { start += 1 }
            while stop > start, scalars[stop - 1].isBlankForTrimming { stop -= 1 }
            let span = TextSpan(start: start, end: stop)
            lines.append(SourceLine(number: lines.count, span: span, text: text.string(span)))
        }

        while index < scalars.count {
            switch scalars[index].value {
            case 0x0A, 0x2028, 0x2029:
                finishLine(at: index)
                index += 1
                lineStart = index
            case 0x0D:
                finishLine(at: index)
                index += (index + 1 < scalars.count && scalars[index + 1] == "\n") ? 2 : 1
                lineStart = index
            default:
                index += 1
            }
        }
        finishLine(at: scalars.count)
        return lines
    }
}
