import BylineAnalysis

/// Turns an input into what the store keeps: the text that spans index (the input itself
/// for plain text, the extracted text for a web page) and its analysis.
enum IngestAnalysis {
    static func run(_ input: ArticleInput) -> (text: String, analysis: ArticleAnalysis) {
        if input.isHTML {
            let extraction = HTMLArticleExtractor.extract(html: input.rawText)
            return (extraction.text, ArticleAnalyzer.analyze(text: extraction.text, document: extraction.document))
        }
        return (input.rawText, ArticleAnalyzer.analyze(text: input.rawText))
    }
}
