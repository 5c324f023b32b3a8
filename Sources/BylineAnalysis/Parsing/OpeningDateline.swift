/// A publisher's name in parentheses opening the story: `(Headline USA) Russian President …`.
///
/// Only a bare parenthesis at the very start counts. A wire dateline such as
/// `LONDON (AP) — …` names the agency that wrote the copy, not the outlet that published
/// it, and is part of the story's first sentence; it is left alone.
enum OpeningDateline {
    /// The name, and the number of Unicode scalars from the start of `text` to the first
    /// word of the story after it; nil when `text` does not open with such a name.
    static func parse(_ text: String) -> (outlet: String, storyOffset: Int)? {
        guard let match = text.prefixMatch(of: pattern) else { return nil }
        let name = match.output.1.collapsingWhitespace()
        let words = name.split(separator: " ")
        guard (1...maximumWords).contains(words.count),
              words.allSatisfy({ $0.first.map { $0.isUppercase || $0.isNumber } ?? false })
        else { return nil }
        let rest = text[match.range.upperBound...]
        // The story goes on with a capitalised word, not a dash: `(AP) — …` is a credit.
        guard let next = rest.first, next.isUppercase || next.isNumber || next == "“" || next == "\"" else {
            return nil
        }
        let offset = text.unicodeScalars.distance(from: text.startIndex, to: match.range.upperBound)
        return (name, offset)
    }

    static let maximumWords = 5

    nonisolated(unsafe) private static let pattern = /\(([^()\n.!?]{1,60})\)\s+/
}
