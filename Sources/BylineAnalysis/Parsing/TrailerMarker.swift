/// Lines that end a story on a scraped page: headings over related-article teasers
/// (`Read More`, `Explore`), credit lines (`SOURCE: …`, `Adapted from reporting by …`,
/// `Contributing: …`), and share, contact and copyright lines.
enum TrailerMarker {
    static func matches(_ text: String) -> Bool {
        var label = Substring(text)
        while let last = label.last, last == ":" || last.isWhitespace { label = label.dropLast() }
        // Lower-casing maps every scalar to one or more, so a label longer in scalars than
        // every heading cannot become one: prose paragraphs skip lower-casing altogether.
        if label.utf8.count <= 4 * longestHeading, label.unicodeScalars.count <= longestHeading,
           standaloneHeadings.contains(label.lowercased()) { return true }
        guard LineShape.wordCount(text, upTo: maximumCreditWords + 1) <= maximumCreditWords else { return false }
        // Only the opening is compared, and the longest opening is far shorter than this.
        let lowered = text.prefix(openingWindow).lowercased()
        return openings.contains { opening in
            guard lowered.hasPrefix(opening) else { return false }
            // A whole word: `subscribe` must not catch `Subscribers said …` (but `source:`
            // may run straight into the name, as in `SOURCE:TRT World`).
            guard opening.last?.isLetter == true else { return true }
            let next = lowered.dropFirst(opening.count).first
            return next.map { !$0.isLetter } ?? true
        }
    }

    static let maximumCreditWords = 20

    /// Headings that stand alone on their line.
    private static let standaloneHeadings: Set<String> = [
        "read more", "read next", "read also", "also read", "see also",
        "explore", "explore more", "related", "related articles", "related stories",
        "related news", "related content", "related coverage", "related topics",
        "more from", "more stories", "more news", "more on this story",
        "recommended", "recommended stories", "you may also like", "you might also like",
        "most read", "most popular", "trending", "trending now",
        "source", "sources", "share", "share this", "share this article", "share this story",
        "share article", "contact us", "comments", "tags", "topics",
    ]

    private static let longestHeading = standaloneHeadings.map(\.unicodeScalars.count).max() ?? 0
    /// Characters of a line lower-cased to compare its opening: twice the longest opening.
    private static let openingWindow = 2 * (openings.map(\.count).max() ?? 0) + 2

    /// Openings of credit, share and copyright lines.
    private static let openings: [String] = [
        "source:", "sources:", "adapted from", "contributing:", "contributing reporting",
        "additional reporting", "reporting by", "editing by", "writing by",
        "this article has been adapted", "this article was adapted", "this article was originally",
        "this article originally", "this story has been", "this story was originally",
        "copyright", "©", "all rights reserved", "share on", "follow us", "sign up", "subscribe",
    ]
}
