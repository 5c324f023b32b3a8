import CLibXML2

/// What extraction finds in a web page: the article's text (which spans index) and the
/// parsed document (title, outlet, date, authors, body and where the body lies in `text`).
public struct HTMLExtraction: Sendable, Hashable {
    /// The extracted article text: what `GET /v1/articles/{id}/text` serves for an HTML
    /// article and what every span of its analysis indexes.
    public var text: String
    public var document: ArticleDocument

    public init(text: String, document: ArticleDocument) {
        self.text = text
        self.document = document
    }
}

/// Extracts the article from a web page with libxml2's HTML parser.
/// PLACEHOLDER: being written (issue 3); the API is fixed.
public enum HTMLArticleExtractor {
    public static func extract(html: String) -> HTMLExtraction {
        HTMLExtraction(text: "", document: ArticleDocument(body: "", language: LanguageGuesser.undetermined, wordCount: 0))
    }
}
