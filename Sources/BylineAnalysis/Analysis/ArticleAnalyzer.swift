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

    /// Analyses a document already parsed from `text` (e.g. extracted from HTML, where
    /// `text` is the extracted text); spans index `text`.
    public static func analyze(text: String, document: ArticleDocument) -> ArticleAnalysis {
        let s = Array(text.unicodeScalars)
        let regions = ArticleRegions.find(s, document: document)
        var paragraphs: [Range<Int>] = []
        for region in regions.story { paragraphs.append(contentsOf: QuoteExtractor.lineRanges(s, in: region)) }
        let spans = QuoteExtractor.extract(s, paragraphs: paragraphs)
        let recognized = EntityRecognizer.recognize(s, regions: regions.story + regions.credits)
        let quotes = QuoteAttributor.attribute(spans, in: s, paragraphs: paragraphs, entities: recognized)
        return ArticleAnalysis(document: document, quotes: quotes, entities: recognized.entities)
    }
}
