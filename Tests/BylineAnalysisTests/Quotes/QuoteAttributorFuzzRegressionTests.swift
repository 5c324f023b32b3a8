import Foundation
import Testing
@testable import BylineAnalysis

/// Inputs the fuzz targets (scripts/fuzz.sh) found, kept in Fixtures/fuzz and checked here
/// for what the analysis must get right on them. How fast they run is the fuzzers' business
/// (they replay these files under their per-input timeout), not a unit test's.
@Suite("Quote attribution on fuzz-found inputs")
struct QuoteAttributorFuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    /// Spans inside the text, quote text equal to what its span holds, speakers that are
    /// entities of the article.
    static func expectWellFormed(_ analysis: ArticleAnalysis, text: String) {
        let scalars = Array(text.unicodeScalars)
        let names = Set(analysis.entities.map(\.name))
        for quote in analysis.quotes {
            #expect(quote.span.end <= scalars.count)
            guard quote.span.end <= scalars.count else { continue }
            #expect(String(String.UnicodeScalarView(scalars[quote.span.start..<quote.span.end])) == quote.text)
            if let speaker = quote.speaker { #expect(names.contains(speaker)) }
        }
        for entity in analysis.entities {
            #expect(entity.spans.allSatisfy { $0.end <= scalars.count && !$0.isEmpty })
        }
    }

    @Test("a page opening with runs of curly quotation marks (ingest-body fuzzer, a timeout: attribution scanned every quotation for every token)")
    func runsOfQuotationMarks() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("timeout-quote-attribution.html")))
        let extraction = HTMLArticleExtractor.extract(html: HTMLArticleExtractor.decodePage(bytes))
        let analysis = ArticleAnalyzer.analyze(text: extraction.text, document: extraction.document)
        #expect(!analysis.quotes.isEmpty)
        Self.expectWellFormed(analysis, text: extraction.text)
    }

    @Test("hundreds of quotations in one paragraph are each attributed to their speaker")
    func manyQuotationsInOneParagraph() {
        let speakers = ["Maria Lopez", "John Carter", "Ahmed Nasser"]
        var text = ""
        for i in 0..<300 {
            text += "“Point number \(i) stands,” \(speakers[i % 3]) said. "
        }
        let quotes = ArticleAnalyzer.analyzeStory(text).quotes
        #expect(quotes.count == 300)
        #expect(quotes.enumerated().allSatisfy { $0.element.speaker == speakers[$0.offset % 3] })
        #expect(quotes.first?.text == "Point number 0 stands,")
    }

    @Test("a place read as the speaker is an entity of the article (analyzer fuzzer: `Moon Express` as the place `Moon` and the verb `express`)")
    func aPlaceAsSpeakerIsAnEntity() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("crash-place-as-speaker.txt")))
        let text = String(decoding: bytes, as: UTF8.self)
        let analysis = ArticleAnalyzer.analyze(text: text)
        #expect(!analysis.quotes.isEmpty)
        Self.expectWellFormed(analysis, text: text)
        // The same shape on one sentence.
        let sentence = ArticleAnalyzer.analyzeStory("Contracts went to Masten, Moon Express and OrbitBeyond with a goal of two \u{201C}deliveries\u{201D} of payloads.")
        for quote in sentence.quotes {
            if let speaker = quote.speaker { #expect(sentence.entities.contains { $0.name == speaker }) }
        }
    }
}
