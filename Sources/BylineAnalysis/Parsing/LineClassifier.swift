/// What a line of scraped-page text is, judged by its shape and its neighbours.
enum LineKind: Equatable {
    case blank
    /// Page metadata: a date line, `1 min read`, a date followed by a desk label.
    case metadata
    /// An author line (`By …`).
    case byline
    /// A rule between blocks (`-`, `***`).
    case separator
    /// A photo credit on its own line.
    case credit
    /// A photo caption: prose marked as such by a credit.
    case caption
    /// The start of what follows a story: teaser headings, source and share lines.
    case trailer
    /// Running text.
    case prose
    /// A short line that does not end like a sentence: a headline, subhead or teaser title.
    case heading
}

/// A line with its kind, and what its opening metadata told about it.
struct ClassifiedLine {
    let line: SourceLine
    var kind: LineKind
    /// The date that opens the line, if any.
    let datePrefix: DatePrefix?
    /// The line's content after any date prefix: where its text starts.
    let contentSpan: TextSpan
    let content: String
    /// Authors, when the line is a byline.
    let authors: [String]
}

enum LineClassifier {
    static func classify(_ lines: [SourceLine]) -> [ClassifiedLine] {
        var classified = lines.map(classify)
        // A sentence followed by a credit line is the caption of the photo credited.
        for index in classified.indices where classified[index].kind == .prose {
            if let next = nextNonBlank(after: index, in: classified), classified[next].kind == .credit {
                classified[index].kind = .caption
            }
        }
        return classified
    }

    static func nextNonBlank(after index: Int, in lines: [ClassifiedLine]) -> Int? {
        lines[(index + 1)...].firstIndex { $0.kind != .blank }
    }

    private static func classify(_ line: SourceLine) -> ClassifiedLine {
        let datePrefix = DatePrefix.parse(line.text)
        let offset = datePrefix?.contentOffset ?? 0
        let contentSpan = TextSpan(start: line.span.start + offset, end: line.span.end)
        let content = String(line.text.unicodeScalars.dropFirst(offset))
        var authors: [String] = []
        let kind: LineKind
        if content.isEmpty {
            kind = datePrefix == nil ? .blank : .metadata
        } else if datePrefix != nil && LineShape.isSectionLabel(content) {
            kind = .metadata
        } else if LineShape.isSeparator(content) {
            kind = .separator
        } else if LineShape.isReadingTime(content) {
            kind = .metadata
        } else if let names = Byline.authors(in: content) {
            kind = .byline
            authors = names
        } else if TrailerMarker.matches(content) {
            kind = .trailer
        } else if PhotoCredit.isCreditLine(content) {
            kind = .credit
        } else if PhotoCredit.endsWithInlineCredit(content) {
            kind = .caption
        } else if LineShape.isProse(content) {
            kind = .prose
        } else {
            kind = .heading
        }
        return ClassifiedLine(line: line, kind: kind, datePrefix: datePrefix,
                              contentSpan: contentSpan, content: content, authors: authors)
    }
}
