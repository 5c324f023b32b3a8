import Foundation
import BylineAnalysis

/// An article to store: its text as received, and what the client says about it.
public struct ArticleInput: Sendable {
    /// The article's text exactly as received. Spans index this text, so it is stored as is.
    public var rawText: String
    /// The media type the text came as (`text/plain`).
    public var contentType: String
    public var hints: ArticleHints

    public init(rawText: String, contentType: String, hints: ArticleHints = ArticleHints()) {
        self.rawText = rawText
        self.contentType = contentType
        self.hints = hints
    }
}

/// Facts a client supplies about an article; each one, when present, overrides what the
/// parser finds in the text (the client may know the page's URL, date or publisher better).
extension ArticleInput {
    /// A web page (`text/html`, any parameters): the article is extracted from it.
    public var isHTML: Bool {
        contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "text/html"
    }
}

public struct ArticleHints: Sendable, Hashable {
    public var title: String?
    /// The outlet's display name; its ID is derived from it.
    public var outlet: String?
    public var published: CalendarDate?
    public var url: String?

    public init(title: String? = nil, outlet: String? = nil, published: CalendarDate? = nil, url: String? = nil) {
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url
    }
}
