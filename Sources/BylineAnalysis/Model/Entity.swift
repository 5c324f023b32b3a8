/// The kinds of named entity API.md knows.
public enum EntityType: String, Sendable, Hashable, CaseIterable, Codable {
    case person
    case organization
    case location
}

/// A named entity mentioned in an article (API.md "Entities").
///
/// IDs are assigned across articles by the store.
public struct Entity: Sendable, Hashable, Codable {
    /// The canonical full name ("Vladimir Putin").
    public var name: String
    public var type: EntityType
    /// The other forms this article uses ("Putin", "President Putin").
    public var aliases: [String]
    /// Roles and titles the article gives it ("Russian President").
    public var roles: [String]
    /// Every mention of the entity in the article's text.
    public var spans: [TextSpan]

    public init(name: String, type: EntityType, aliases: [String] = [], roles: [String] = [],
                spans: [TextSpan] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.roles = roles
        self.spans = spans
    }
}
