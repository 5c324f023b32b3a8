/// The headline: the first line of the page above the story, once date lines, reading
/// times, bylines and one-word desk labels (`WORLD`, `Politics`) are skipped — when it has
/// a headline's shape. A story that opens the text has no headline in it, and none is
/// invented from its first sentence.
enum HeadlineFinder {
    static func headline(in lines: [ClassifiedLine], storyStartsAt firstStoryLine: Int?) -> String? {
        let head = lines[..<(firstStoryLine ?? lines.endIndex)]
        let candidate = head.first { line in
            !skippedKinds.contains(line.kind) && !(line.kind == .heading && LineShape.wordCount(line.content) == 1)
        }
        guard let first = candidate,
              first.kind == .heading, LineShape.isHeadline(first.content)
        else { return nil }
        return first.content.collapsingWhitespace()
    }

    private static let skippedKinds: Set<LineKind> = [.blank, .metadata, .byline, .separator]
}
