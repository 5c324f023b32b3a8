import BylineAnalysis

/// Turns an input into what the store keeps: the text that spans index (the input itself
/// for plain text, the extracted text for a web page) and its analysis. Public for the fuzz
/// targets (Sources/BylineFuzz*), which check what the store would keep.
public enum IngestAnalysis {
    public static func run(_ input: ArticleInput) -> (text: String, analysis: ArticleAnalysis) {
        var (text, analysis): (String, ArticleAnalysis)
        if input.isHTML {
            let extraction = HTMLArticleExtractor.extract(html: input.rawText)
            (text, analysis) = (extraction.text, ArticleAnalyzer.analyze(text: extraction.text, document: extraction.document))
        } else {
            (text, analysis) = (input.rawText, ArticleAnalyzer.analyze(text: input.rawText))
        }
        // A publication date given as a hint anchors relative dates too.
        let published = input.hints.published ?? analysis.document.published
        if analysis.dates.isEmpty, let body = analysis.document.bodySpan {
            analysis.dates = TemporalResolver.resolve(text: text, published: published)
                .filter { $0.span.start >= body.start && $0.span.end <= body.end }
        }
        return (text, analysis)
    }
}
