/// Turns an article's text — scraped-page text as in `seeds/*.txt` — into an
/// `ArticleDocument`: headline, outlet, date, byline and the story's body.
///
/// Pure and deterministic: the same text always gives the same document. It works in
/// stages over the text's lines (split, classify each line by shape and neighbours, locate
/// the story, then read the metadata around it), each stage a small type of its own.
/// Spans count Unicode scalars of `text` exactly as given, so callers must pass the text
/// they will serve, not a normalised copy.
public enum ArticleParser {
    public static func parse(text: String) -> ArticleDocument {
        let scalars = ScalarText(text)
        let lines = LineClassifier.classify(LineSplitter.lines(of: scalars))
        let story = BodyLocator.locate(in: lines)

        let title = HeadlineFinder.headline(in: lines, storyStartsAt: story?.firstLine)
        let outlet = OutletFinder.outlet(in: lines, storyStartsAt: story?.firstLine)
        let published = PublishedDateFinder.published(in: lines, storyStartsAt: story?.firstLine)
        let headLines = lines[..<(story?.firstLine ?? lines.endIndex)]
        let authors = headLines.first(where: { $0.kind == .byline })?.authors ?? []

        var body = ""
        var bodySpan: TextSpan?
        if let story {
            let opening = lines[story.firstLine]
            let datelineOffset = OpeningDateline.parse(opening.content)?.storyOffset ?? 0
            let span = TextSpan(start: opening.contentSpan.start + datelineOffset,
                                end: lines[story.lastLine].line.span.end)
            body = scalars.string(span)
            bodySpan = span
        }
        return ArticleDocument(
            title: title, outlet: outlet, published: published, authors: authors,
            body: body, bodySpan: bodySpan,
            language: LanguageGuesser.language(of: body.isEmpty ? text : body),
            wordCount: WordCounter.count(body))
    }
}
