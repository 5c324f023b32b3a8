// libFuzzer driver for the plain-text article analyzer (`ArticleAnalyzer.analyze(text:)`,
// the analysis behind every text/plain ingest). Build and run with `scripts/fuzz.sh analyzer`.
//
// An input is any bytes, read as UTF-8 with invalid sequences replaced (the server only
// takes valid UTF-8, so this is a superset). The analysis must not trap, must keep the
// invariants of `AnalysisInvariants`, and must be deterministic: story grouping and quote
// IDs rely on the same text always giving the same analysis.

import BylineAnalysis
import BylineFuzzSupport

enum AnalyzerFuzzer {
    /// Longest input analysed twice for the determinism check; longer ones once, to keep
    /// executions per second up.
    static let determinismCheckLimit = 4096

    static func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data else { return 0 }
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        let analysis = ArticleAnalyzer.analyze(text: text)
        AnalysisInvariants.check(analysis, text: text)
        if size <= determinismCheckLimit {
            precondition(ArticleAnalyzer.analyze(text: text) == analysis, "two analyses of one text differ")
        }
        return 0
    }
}

/// libFuzzer's own `main` comes along with -sanitize=fuzzer and needs this symbol to link.
/// SwiftPM's `main` (the code below) is the one that runs; should libFuzzer's ever win,
/// this is the same target.
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    AnalyzerFuzzer.fuzzOne(data, size)
}

LibFuzzerDriver.run("BylineFuzzAnalyzer") { data, size in AnalyzerFuzzer.fuzzOne(data, size) }
