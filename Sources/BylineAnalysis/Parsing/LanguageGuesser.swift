/// Guesses the language of a text from its most common function words.
///
/// Function words (articles, prepositions, conjunctions) make up a large share of any
/// running text and differ between languages, so counting them tells the common European
/// languages of news apart reliably on a paragraph or more. When too few of them occur the
/// answer is `und` (BCP 47 "undetermined") rather than a guess.
public enum LanguageGuesser {
    public static let undetermined = "und"

    public static func language(of text: some StringProtocol) -> String {
        var hits: [String: Int] = [:]
        var examined = 0
        // Words of the opening only: 500 words never need more than ~20 KB, and splitting the
        // whole body first cost a tenth of the analysis.
        for word in LineShape.words(Substring(text).prefix(maximumWordsExamined * 40)).prefix(maximumWordsExamined) {
            examined += 1
            let token = word.lowercased().trimming { !$0.isLetter }
            for (language, words) in functionWords where words.contains(token) {
                hits[language, default: 0] += 1
            }
        }
        // Sorted so that a tie resolves the same way on every run.
        guard let best = hits.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first,
              best.value >= minimumHits,
              Double(best.value) >= minimumShare * Double(examined)
        else { return undetermined }
        return best.key
    }

    static let maximumWordsExamined = 500
    static let minimumHits = 3
    static let minimumShare = 0.1

    private static let functionWords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "were",
               "it", "as", "by", "at", "from", "his", "her", "has", "have", "are", "this", "which"],
        "fr": ["le", "la", "les", "des", "et", "est", "une", "un", "du", "dans", "que", "pour",
               "sur", "au", "aux", "pas", "qui", "avec", "sont", "il", "elle", "ce", "cette"],
        "de": ["der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein",
               "eine", "auf", "dem", "des", "sich", "im", "für", "auch", "es", "wurde", "sind"],
        "es": ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "por", "con",
               "para", "es", "del", "se", "al", "como", "más", "pero", "su", "sus"],
        "it": ["il", "lo", "la", "gli", "le", "di", "che", "e", "è", "un", "una", "per", "con",
               "del", "della", "non", "sono", "nel", "alla", "anche", "ha", "dei"],
        "pt": ["o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para",
               "com", "não", "no", "na", "dos", "por", "mais", "foi", "ao"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "met",
               "zijn", "voor", "die", "er", "aan", "ook", "maar", "bij", "werd", "wordt"],
    ]
}
