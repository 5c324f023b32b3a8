/// Groups of spellings of one name, each with the spelling it resolves to: the shape of
/// `PlaceNameVariants` and `RomanizedNameVariants`.
typealias SpellingGroups = [(canonical: String, variants: [String])]

extension Array where Element == (canonical: String, variants: [String]) {
    /// Every spelling of every group, the canonical one included, as `key` makes it → the
    /// group's canonical spelling: one dictionary lookup per name resolved.
    func canonicalTable(key: (String) -> String) -> [String: String] {
        var table: [String: String] = [:]
        for group in self {
            for spelling in [group.canonical] + group.variants { table[key(spelling)] = group.canonical }
        }
        return table
    }
}
