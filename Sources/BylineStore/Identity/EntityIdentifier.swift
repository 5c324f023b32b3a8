import BylineAnalysis

/// Entity IDs: deterministic and URL-safe, from the type and canonical name
/// (`person-vladimir-putin`), so the same corpus always gives the same IDs. Spellings of one
/// name (`Kiev`, `Kyiv`; `Zelenskyy`, `Zelenskiy`) share the ID of their canonical form, so
/// which of them arrives first never matters.
public enum EntityIdentifier {
    public static func id(name: String, type: EntityType) -> String {
        OutletSlug.slug(for: type.rawValue + " " + identityName(name: name, type: type))
    }

    /// The spelling an entity's identity is derived from. A place's other names and a person's
    /// other romanisations give way to one form (`PlaceNameVariants`, `RomanizedNameVariants`);
    /// an organisation whose whole name is a place's is that place's government acting
    /// ("Kiev said"), so it takes the place's spelling too.
    public static func identityName(name: String, type: EntityType) -> String {
        switch type {
        case .location, .organization: PlaceNameVariants.canonicalName(of: name) ?? name
        case .person: RomanizedNameVariants.foldedName(name)
        }
    }
}
