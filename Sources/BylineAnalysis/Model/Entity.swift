/// The kinds of named entity API.md knows.
public enum EntityType: String, Sendable, Hashable, CaseIterable {
    case person
    case organization
    case location
}

/// A named entity mentioned in an article (API.md "Entities").
///
/// Placeholder shape: nothing extracts entities in this issue, so `ArticleAnalysis.entities`
/// is always empty. IDs, aliases and roles are assigned across articles by the store later.
public struct Entity: Sendable, Hashable {
    public var name: String
    public var type: EntityType
    /// Every mention of the entity in the article's text.
    public var spans: [TextSpan]

    public init(name: String, type: EntityType, spans: [TextSpan] = []) {
        self.name = name
        self.type = type
        self.spans = spans
    }
}
