/// Whether two quotes, from different articles, render the same words of the same speaker:
/// what gives them one `group_id`.
///
/// Same speaker, and most of the shorter quote's words found in the longer one. That covers
/// identical renderings, differences of punctuation or a word or two ("as do I" / "as I do"),
/// and partial quotes that are a fragment of a longer one; on the development sets, pairs
/// of one utterance share at least 55% of the shorter quote's words, and pairs of different
/// utterances of one speaker at most 50%.
public enum QuoteGrouping {
    public static let minimumContainment = 0.55
    public static let minimumSharedWords = 2

    public static func sameUtterance(speaker a: String?, text textA: String,
                                     speaker b: String?, text textB: String) -> Bool {
        guard let a, let b, a.lowercased() == b.lowercased() else { return false }
        let wordsA = words(textA), wordsB = words(textB)
        if wordsA == wordsB { return !wordsA.isEmpty }
        let shared = wordsA.intersection(wordsB).count
        let shorter = min(wordsA.count, wordsB.count)
        guard shorter > 0, shared >= minimumSharedWords else { return false }
        return Double(shared) / Double(shorter) >= minimumContainment
    }

    /// Whether two quotes are the same words in the same order, case and punctuation aside
    /// ("very alarming," and 'Very alarming'): one article quoting a phrase twice.
    public static func sameWords(_ textA: String, _ textB: String) -> Bool {
        let a = orderedWords(textA)
        return !a.isEmpty && a == orderedWords(textB)
    }

    static func orderedWords(_ text: String) -> [Substring] {
        text.lowercased().split { !EventSignature.isWordCharacter($0, digits: true) }
    }

    /// Lower-cased letter-and-digit words; a possessive `'s` is its own word.
    public static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !EventSignature.isWordCharacter($0, digits: true) }.map(String.init))
    }
}
