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
///
/// The page is parsed (error-tolerant) into a small Swift tree; metadata comes from meta tags,
/// JSON-LD, `<time>` and `<h1>` (`HTMLMetadata`); the body from a Readability-style content
/// score (`HTMLContentFinder`). `text` is the headline (when found), a blank line, then the
/// body's paragraphs separated by blank lines; `document.bodySpan` slices the body out of it.
public enum HTMLArticleExtractor {
    /// Extracts from already-decoded text (so any `<meta charset>` is moot: it is parsed as UTF-8).
    public static func extract(html: String) -> HTMLExtraction {
        extract(bytes: Array(html.utf8), encoding: "UTF-8")
    }

    /// Extracts from the page's bytes, honouring a byte-order mark or a charset the page
    /// declares in a `<meta>` tag; UTF-8 otherwise.
    public static func extract(html bytes: [UInt8]) -> HTMLExtraction {
        extract(bytes: bytes, encoding: HTMLCharset.encoding(of: bytes))
    }

    static func extract(bytes: [UInt8], encoding: String) -> HTMLExtraction {
        var tree = HTMLTreeBuilder.parse(bytes, encoding: encoding)
        if tree == nil && encoding != "UTF-8" { tree = HTMLTreeBuilder.parse(bytes, encoding: "UTF-8") }
        guard let root = tree else { return empty }
        let metadata = HTMLMetadata(root: root)
        var paragraphs = HTMLContentFinder(root: root, title: metadata.title).paragraphs()
        if paragraphs.joined().count < 200, let structured = metadata.structuredBody {
            let fallback = structured.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
                .map { HTMLText.normalize(String($0)) }.filter { !$0.isEmpty }
            if fallback.joined().count > paragraphs.joined().count { paragraphs = fallback }
        }
        return assemble(metadata: metadata, paragraphs: paragraphs)
    }

    private static var empty: HTMLExtraction {
        HTMLExtraction(text: "", document: ArticleDocument(body: "", language: LanguageGuesser.undetermined, wordCount: 0))
    }

    static func assemble(metadata: HTMLMetadata, paragraphs: [String]) -> HTMLExtraction {
        let body = paragraphs.joined(separator: "\n\n")
        var text = ""
        var bodyStart = 0
        if let title = metadata.title {
            text = title + "\n\n"
            bodyStart = text.unicodeScalars.count
        }
        text += body
        let bodySpan = body.isEmpty ? nil : TextSpan(start: bodyStart, end: bodyStart + body.unicodeScalars.count)
        if body.isEmpty, let title = metadata.title { text = title }
        let document = ArticleDocument(
            title: metadata.title, outlet: metadata.outlet, published: metadata.published,
            authors: metadata.authors, body: body, bodySpan: bodySpan,
            language: LanguageGuesser.language(of: body.isEmpty ? (metadata.title ?? "") : body),
            wordCount: WordCounter.count(body))
        return HTMLExtraction(text: text, document: document)
    }
}
