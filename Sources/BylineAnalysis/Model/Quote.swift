/// A direct quotation found in an article (API.md "Quotes").
///
/// Placeholder shape: this issue ships the article parser only, so nothing produces quotes
/// yet and `ArticleAnalysis.quotes` is always empty. The fields are the ones API.md fixes
/// that can be known from one article's text; IDs, resolved speakers and quote groups are
/// assigned later, across articles, by the store.
public struct Quote: Sendable, Hashable {
    /// The quoted words, without the quotation marks.
    public var text: String
    /// Where the quoted words lie in the article's text.
    public var span: TextSpan
    /// The speaker as the text names them ("Kremlin aide Yuri Ushakov"), if any.
    public var speakerText: String?
    /// The attribution verb phrase ("told reporters"), if any.
    public var cue: String?

    public init(text: String, span: TextSpan, speakerText: String? = nil, cue: String? = nil) {
        self.text = text
        self.span = span
        self.speakerText = speakerText
        self.cue = cue
    }
}
