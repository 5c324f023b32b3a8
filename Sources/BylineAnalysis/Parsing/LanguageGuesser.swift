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
        for token in openingTokens(of: Substring(text)) {
            examined += 1
            for language in languagesByWord[token] ?? [] {
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

    /// The first `maximumWordsExamined` words, lower-cased and stripped of non-letters at
    /// their ends, as they stand in the first `maximumWordsExamined * 40` characters: 500
    /// words never need more than ~20 KB, and splitting the whole body first cost a tenth of
    /// the analysis.
    static func openingTokens(of text: Substring) -> [String] {
        let window = maximumWordsExamined * 40
        // Counting 20,000 characters (grapheme breaking) costs more than the rest. A word
        // that ends within the first `window` UTF-8 bytes ends within the first `window`
        // characters too, so when the words needed lie there, or the text is no longer
        // than that, the window cannot cut them.
        var tokens: [String] = []
        tokens.reserveCapacity(maximumWordsExamined)
        var lastEnd = 0
        let utf8 = text.utf8
        let scanned: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            LineShape.scanWords(bytes) { start, end in
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                tokens.append(asciiToken(word) ?? token(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]))
                lastEnd = end
                return tokens.count < maximumWordsExamined
            }
        }
        let wordsInWindow = utf8.count <= window || (tokens.count == maximumWordsExamined && lastEnd <= window)
        guard scanned != nil, wordsInWindow else {
            return LineShape.words(text.prefix(window)).prefix(maximumWordsExamined).map(token)
        }
        return tokens
    }

    /// A word lower-cased, without leading or trailing non-letters (`"Hello,` → `hello`).
    static func token(_ word: Substring) -> String {
        word.lowercased().trimming { !$0.isLetter }
    }

    /// `token` for a word of ASCII bytes, nearly every word of news, trimmed and lower-cased
    /// as bytes (for ASCII the `Character` properties give the same answers); nil for others.
    static func asciiToken(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        var first = word.count, last = -1
        for (index, byte) in word.enumerated() {
            if byte >= 0x80 { return nil }
            if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                if first == word.count { first = index }
                last = index
            }
        }
        guard last >= first else { return "" }
        return String(unsafeUninitializedCapacity: last - first + 1) { buffer in
            for index in first...last {
                let byte = word[index]
                buffer[index - first] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            }
            return last - first + 1
        }
    }

    static let maximumWordsExamined = 500
    static let minimumHits = 3
    static let minimumShare = 0.1

    /// The languages each function word belongs to: one look-up per word.
    private static let languagesByWord: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (language, words) in functionWords {
            for word in words { table[word, default: []].append(language) }
        }
        return table
    }()

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
