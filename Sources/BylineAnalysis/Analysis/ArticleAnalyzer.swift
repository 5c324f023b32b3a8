/// The whole analysis of one article, from its text: document, quotes with speakers, and
/// entities. Pure: text in, typed analysis out.
/// PLACEHOLDER for the quote and entity stages (issue 3, being written); the API is fixed.
public enum ArticleAnalyzer {
    /// Analyses a plain-text article; spans index `text`.
    public static func analyze(text: String) -> ArticleAnalysis {
        ArticleAnalysis(document: ArticleParser.parse(text: text))
    }

    /// Analyses a document already parsed from `text` (e.g. extracted from HTML, where
    /// `text` is the extracted text); spans index `text`.
    public static func analyze(text: String, document: ArticleDocument) -> ArticleAnalysis {
        ArticleAnalysis(document: document)
    }
}
