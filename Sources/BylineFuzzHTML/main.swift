// libFuzzer driver for HTML article extraction (libxml2's HTML parser, then the metadata and
// content finders) and the analysis of what it extracts. Build and run with
// `scripts/fuzz.sh html`.
//
// Each input is a web page's bytes. It goes both ways a page enters Byline: as bytes with
// the charset the page declares (`HTMLArticleExtractor.extract(html:)` on `[UInt8]`, as
// `byline analyze` reads files), and as the store ingests a text/html body (decoded to text,
// extracted, analysed: `IngestAnalysis.run`). Neither may trap; the extracted text's body
// span must slice out the body, and the analysis must keep `AnalysisInvariants`.

import BylineAnalysis
import BylineFuzzSupport
import BylineStore

enum HTMLFuzzer {
    static func check(_ extraction: HTMLExtraction) {
        let scalars = Array(extraction.text.unicodeScalars)
        let document = extraction.document
        if let span = document.bodySpan {
            precondition(span.end <= scalars.count, "bodySpan \(span) runs past the extracted text")
            precondition(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == document.body,
                         "bodySpan does not slice out the body")
        } else {
            precondition(document.body.isEmpty, "a body without a bodySpan")
        }
    }

    static func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))

        check(HTMLArticleExtractor.extract(html: bytes))

        let input = ArticleInput(rawText: HTMLArticleExtractor.decodePage(bytes), contentType: "text/html; charset=utf-8")
        let (text, analysis) = IngestAnalysis.run(input)
        AnalysisInvariants.check(analysis, text: text)
        return 0
    }
}

/// libFuzzer's own `main` comes along with -sanitize=fuzzer and needs this symbol to link.
/// SwiftPM's `main` (the code below) is the one that runs; should libFuzzer's ever win,
/// this is the same target.
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    HTMLFuzzer.fuzzOne(data, size)
}

LibFuzzerDriver.run("BylineFuzzHTML") { data, size in HTMLFuzzer.fuzzOne(data, size) }
