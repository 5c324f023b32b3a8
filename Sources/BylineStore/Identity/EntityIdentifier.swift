import BylineAnalysis

/// Entity IDs: deterministic and URL-safe, from the type and canonical name
/// (`person-vladimir-putin`), so the same corpus always gives the same IDs. Cross-article
/// resolution (issue 4) may merge names; the scheme stays.
public enum EntityIdentifier {
    public static func id(name: String, type: EntityType) -> String {
        OutletSlug.slug(for: type.rawValue + " " + name)
    }
}
