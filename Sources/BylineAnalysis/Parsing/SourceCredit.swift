/// A `SOURCE: …` line, which names the publisher of the page it ends:
/// `SOURCE:TRT World and Agencies` → `TRT World`.
enum SourceCredit {
    /// The first source named, or nil when the line is no source credit or names only
    /// generic contributors (`Agencies`, `Staff`).
    static func outlet(in text: String) -> String? {
        guard let match = text.prefixMatch(of: opening) else { return nil }
        var name = Substring(text[match.range.upperBound...])
        // Keep the first contributor: `TRT World and Agencies`, `BBC, Reuters`, `AFP / Staff`.
        if let cut = name.firstRange(of: contributorSeparator) {
            name = name[..<cut.lowerBound]
        }
        let cleaned = name.trimming { $0.isWhitespace || $0 == "." || $0 == ":" }
        let words = cleaned.split(separator: " ")
        guard (1...maximumWords).contains(words.count),
              let first = cleaned.first, first.isUppercase || first.isNumber,
              !genericContributors.contains(cleaned.lowercased())
        else { return nil }
        return cleaned
    }

    static let maximumWords = 6

    nonisolated(unsafe) private static let opening = /sources?\s*:\s*/.ignoresCase()
    nonisolated(unsafe) private static let contributorSeparator =
        /\s+(?:and|&|with|plus)\s+|\s*[,;|\/]\s*/.ignoresCase()
    private static let genericContributors: Set<String> = [
        "agencies", "news agencies", "agency", "wires", "wire services", "staff", "staff and agencies",
    ]
}
