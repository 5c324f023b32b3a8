/// The parts of an article's text the quote and entity stages read: the headline lines and
/// the body (the story), plus the head of the page above the body (captions, photo
/// credits) and credit lines just after it, which hold names but no story quotations.
struct ArticleRegions {
    /// Headline lines (every printing of the headline) and the body.
    var story: [Range<Int>]
    /// Page head between the headline and the body, and credit lines after the body.
    var credits: [Range<Int>]

    static func find(_ s: [Unicode.Scalar], document: ArticleDocument) -> ArticleRegions {
        guard let body = document.bodySpan else {
            return ArticleRegions(story: [0..<s.count], credits: [])
        }
        var story: [Range<Int>] = []
        var credits: [Range<Int>] = []
        let headLines = QuoteExtractor.lineRanges(s, in: 0..<body.start)
        let title = document.title.map(normalise)
        for line in headLines {
            let content = normalise(String(scalars: s[line]))
            if content.isEmpty { continue }
            if let title, content == title { story.append(line) } else { credits.append(line) }
        }
        story.append(body.start..<body.end)
        // Credit lines right after the body: "Contributing: …", "SOURCE: …", "(Reporting by …)".
        var taken = 0
        for line in QuoteExtractor.lineRanges(s, in: body.end..<s.count) {
            let content = String(scalars: s[line]).trimmingBlanks()
            if content.isEmpty { continue }
            let lower = content.lowercased()
            if creditOpeners.contains(where: { lower.hasPrefix($0) }) || (content.count <= 40 && content == content.uppercased() && content.contains(where: \.isLetter)) {
                credits.append(line)
                taken += 1
                if taken >= 4 { break }
                continue
            }
            break
        }
        return ArticleRegions(story: story, credits: credits)
    }

    static let creditOpeners = [
        "contributing", "source", "(reporting", "reporting by", "additional reporting", "editing by",
        "adapted from", "this article", "written by", "(additional", "with reporting", "—", "--", "___",
    ]

    static func normalise(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

fileprivate extension String {
    func trimmingBlanks() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.isBlankForTrimming { scalars = scalars.dropFirst() }
        while let l = scalars.last, l.isBlankForTrimming { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
