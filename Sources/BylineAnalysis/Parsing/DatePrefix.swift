/// A date that opens a line: a metadata marker (` date 2025-06-14`, `Published: June 14,
/// 2025`, `Updated 14 June 2025 10:30 GMT`) or a date printed on a line of its own.
struct DatePrefix: Equatable {
    enum Kind: Equatable {
        /// After `date`, `published`, `posted`, …: the publication date.
        case published
        /// After `updated`, `last updated`, …: a revision date, weaker evidence.
        case updated
        /// A bare printed date standing alone on its line.
        case bare
    }

    let date: CalendarDate
    let kind: Kind
    /// Unicode scalars from the start of the line's content to what follows the date
    /// (its time of day and separators skipped); equal to the content's length when nothing does.
    let contentOffset: Int

    /// The date prefix of a trimmed line, if it has one. A bare date only counts when nothing
    /// but a time of day follows it, so a sentence that opens with a date is not metadata.
    static func parse(_ line: String) -> DatePrefix? {
        let text = Substring(line)
        var kind = Kind.bare
        var rest = text
        // The marker words start with d, f, l, p or u: skip the regex for other lines.
        if let first = text.utf8.first, Array("dflpuDFLPU".utf8).contains(first),
           let marker = text.prefixMatch(of: markerWord) {
            kind = marker.1.lowercased().contains("updated") ? .updated : .published
            rest = text[marker.range.upperBound...]
        }
        guard let (date, dateEnd) = PrintedDate.leading(in: rest) else { return nil }
        var end = dateEnd
        if let timeEnd = PrintedDate.leadingTime(in: text[end...]) { end = timeEnd }
        while end < text.endIndex, separators.contains(text[end]) { end = text.index(after: end) }
        if kind == .bare && end != text.endIndex { return nil }
        let offset = text.unicodeScalars.distance(from: text.startIndex, to: end)
        return DatePrefix(date: date, kind: kind, contentOffset: offset)
    }

    private static let separators: Set<Character> = [" ", "\t", "\u{00A0}", "|", "·", "•", ",", "-", "–", "—"]

    nonisolated(unsafe) private static let markerWord =
        /((?:first\s+|last\s+)?(?:published|posted|updated)(?:\s+on)?|date)\s*:?\s*/
            .ignoresCase()
}
