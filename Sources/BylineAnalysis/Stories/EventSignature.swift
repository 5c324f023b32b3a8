import Foundation

/// What one article says about its event, for deciding whether two articles report the
/// same one: a weighted bag of its content words, and the day the event happened.
///
/// The decision is pairwise and symmetric and depends on the two articles alone (no corpus
/// statistics such as IDF), so grouping by it does not depend on the order articles arrive
/// in. Two reports of one event share much of their wording; two events with the same
/// actors (two calls between the same presidents weeks apart) share words too, and are
/// told apart by their dates.
public struct EventSignature: Sendable, Hashable, Codable {
    /// Content word → 1 + ln(count), for the headline and body.
    public var terms: [String: Double]
    /// Day number (`CalendarDate.dayNumber`) of the event: the date the story refers to
    /// most often, else its publication date; nil when neither is known.
    public var eventDay: Int?

    public init(terms: [String: Double], eventDay: Int?) {
        self.terms = terms
        self.eventDay = eventDay
    }

    /// Cosine similarity of the word bags at or above which two articles report the same
    /// event. Measured on the development sets: same-event pairs score 0.40–0.9, different
    /// events at most 0.19.
    public static let sameEventSimilarity = 0.30
    /// Event days further apart than this are different events, however alike the wording.
    public static let maximumDayGap = 3
    /// Terms kept per article: enough for the comparison, bounded for storage.
    static let maximumTerms = 300
    /// The heaviest terms: two articles of one event share at least `minimumSharedTopTerms`
    /// of them, which lets a store find candidates through an index instead of comparing
    /// with everything.
    public static let topTermCount = 10
    public static let minimumSharedTopTerms = 2

    /// The `topTermCount` heaviest terms (ties by the term), a pure function of `terms`.
    public var topTerms: [String] {
        terms.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.topTermCount).map(\.key)
    }

    public static func make(analysis: ArticleAnalysis) -> EventSignature {
        let document = analysis.document
        let text = (document.title ?? "") + "\n" + document.body
        var counts: [String: Int] = [:]
        for word in words(of: text) { counts[word, default: 0] += 1 }
        let kept = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(maximumTerms)
        let terms = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, 1 + log(Double($0.value))) })
        return EventSignature(terms: terms, eventDay: eventDay(dates: analysis.dates, published: document.published))
    }

    public func similarity(to other: EventSignature) -> Double {
        let (small, large) = terms.count <= other.terms.count ? (terms, other.terms) : (other.terms, terms)
        var dot = 0.0
        for (word, weight) in small { if let w = large[word] { dot += weight * w } }
        let norms = norm * other.norm
        return norms > 0 ? dot / norms : 0
    }

    public func reportsSameEvent(as other: EventSignature) -> Bool {
        if let a = eventDay, let b = other.eventDay, abs(a - b) > Self.maximumDayGap { return false }
        guard Set(topTerms).intersection(other.topTerms).count >= Self.minimumSharedTopTerms else { return false }
        return similarity(to: other) >= Self.sameEventSimilarity
    }

    /// `term weight` lines: a compact, exact text form for storage (JSON decoding of
    /// hundreds of candidates per arrival measured as a tenth of ingest time).
    public var encodedTerms: String {
        terms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n")
    }

    public init(encodedTerms: String, eventDay: Int?) {
        var terms: [String: Double] = [:]
        for line in encodedTerms.split(separator: "\n") {
            guard let space = line.lastIndex(of: " "), let weight = Double(line[line.index(after: space)...]) else { continue }
            terms[String(line[..<space])] = weight
        }
        self.init(terms: terms, eventDay: eventDay)
    }

    private var norm: Double { terms.values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The most mentioned date (earliest on ties), else the publication date.
    static func eventDay(dates: [DateMention], published: CalendarDate?) -> Int? {
        var counts: [Int: Int] = [:]
        for mention in dates { counts[mention.date.dayNumber, default: 0] += 1 }
        if let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) { return best.key }
        return published?.dayNumber
    }

    /// Lower-cased words of three or more letters that are not function words.
    /// `isLetter` (and with `digits`, `isNumber`), answered for ASCII without the Unicode
    /// property tables, which cost more than the rest of signing an article.
    @inline(__always)
    static func isWordCharacter(_ character: Character, digits: Bool) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A)
                || (digits && ascii >= 0x30 && ascii <= 0x39)
        }
        return character.isLetter || (digits && character.isNumber)
    }

    public static func words(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            if current.count >= 3, !stopWords.contains(current) { result.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if isWordCharacter(character, digits: false) || (character == "-" && !current.isEmpty) {
                current.append(character)
            } else if character == "'" || character == "’" {
                flush()  // "iran's" counts as "iran"
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// English function words and reporting verbs: common to every story, evidence of none.
    static let stopWords: Set<String> = [
        "the", "and", "for", "with", "from", "that", "this", "these", "those", "its", "his", "her", "hers",
        "their", "theirs", "our", "ours", "your", "yours", "was", "were", "are", "been", "being", "have",
        "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "not", "but", "nor", "yet", "also", "after", "before", "over", "into", "onto", "about", "than",
        "then", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "while", "why",
        "how", "more", "most", "other", "some", "such", "only", "own", "same", "too", "very", "just",
        "now", "out", "one", "two", "three", "any", "all", "both", "each", "few", "many", "much", "off",
        "once", "under", "again", "further", "did", "does", "doing", "during", "between", "through",
        "against", "because", "until", "him", "she", "they", "them", "you", "said", "says", "say", "told",
        "according", "added", "like", "even", "still", "since", "among", "per", "via", "upon", "within",
        "without", "around", "last", "first", "new", "year", "years", "day", "days", "week", "time",
    ]
}
