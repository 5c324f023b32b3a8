/// A direct quotation found in an article (API.md "Quotes").
///
/// The fields API.md fixes that can be known from one article's text; IDs and quote groups
/// are assigned across articles by the store.
public struct Quote: Sendable, Hashable, Codable {
    /// The quoted words, without the quotation marks.
    public var text: String
    /// Where the quoted words lie in the article's text.
    public var span: TextSpan
    /// The speaker as the text names them ("Kremlin aide Yuri Ushakov"), if any.
    public var speakerText: String?
    /// The attribution verb phrase ("told reporters"), if any.
    public var cue: String?
    /// The canonical name of the entity whose words these are (the original speaker of
    /// relayed words), or nil when no named person or organisation is the source.
    public var speaker: String?

    public init(text: String, span: TextSpan, speakerText: String? = nil, cue: String? = nil,
                speaker: String? = nil) {
        self.text = text
        self.span = span
        self.speakerText = speakerText
        self.cue = cue
        self.speaker = speaker
    }
}
