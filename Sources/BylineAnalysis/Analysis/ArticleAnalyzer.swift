/// The whole analysis of one article, from its text: document, quotes with speakers, and
/// entities. Pure: text in, typed analysis out.
///
/// Stages: `ArticleParser` (document and body span) → regions (headline lines and the body;
/// trailing non-story material is left out, credit lines count for entities) →
/// `QuoteExtractor` → `EntityRecognizer` → `QuoteAttributor`. All spans count Unicode
/// scalars of `text`.
public enum ArticleAnalyzer {
    /// Analyses a plain-text article; spans index `text`.
    public static func analyze(text: String) -> ArticleAnalysis {
        analyze(text: text, document: ArticleParser.parse(text: text))
    }

    /// The quote and entity stages over the whole of `text` taken as story (no document
    /// parsing): for checking the rules on a sentence.
    static func analyzeStory(_ text: String) -> (quotes: [Quote], entities: [Entity]) {
        let s = Array(text.unicodeScalars)
        let paragraphs = QuoteExtractor.lineRanges(s, in: 0..<s.count)
        let spans = QuoteExtractor.extract(s, paragraphs: paragraphs)
        let recognized = EntityRecognizer.recognize(s, regions: [0..<s.count])
        return QuoteAttributor.attribute(spans, in: s, paragraphs: paragraphs, entities: recognized)
    }

    /// Analyses a document already parsed from `text` (e.g. extracted from HTML, where
    /// `text` is the extracted text); spans index `text`.
    public static func analyze(text: String, document: ArticleDocument) -> ArticleAnalysis {
        let s = Array(text.unicodeScalars)
        let regions = ArticleRegions.find(s, document: document)
        var paragraphs: [Range<Int>] = []
        for region in regions.story { paragraphs.append(contentsOf: QuoteExtractor.lineRanges(s, in: region)) }
        let spans = QuoteExtractor.extract(s, paragraphs: paragraphs)
        let recognized = EntityRecognizer.recognize(s, regions: regions.story + regions.credits)
        let attributed = QuoteAttributor.attribute(spans, in: s, paragraphs: paragraphs, entities: recognized)
        var entities = attributed.entities
        // The outlet the text shows is an organisation it mentions.
        if let outlet = document.outlet, !entities.contains(where: { $0.name == outlet }),
           let span = firstOccurrence(of: outlet, in: s) {
            entities.append(Entity(name: outlet, type: .organization, spans: [span]))
        }
        return ArticleAnalysis(document: document, quotes: attributed.quotes, entities: entities)
    }

    static func firstOccurrence(of needle: String, in s: [Unicode.Scalar]) -> TextSpan? {
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= s.count else { return nil }
        for i in 0...(s.count - n.count) where s[i] == n[0] && Array(s[i..<(i + n.count)]) == n {
            return TextSpan(start: i, end: i + n.count)
        }
        return nil
    }
}
