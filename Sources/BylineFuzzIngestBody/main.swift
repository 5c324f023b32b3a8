// libFuzzer driver for `POST /v1/articles` bodies: `IngestRequestReader` (media type, UTF-8,
// the JSON decoder and its hints) and then the analysis the store runs on what it read
// (`IngestAnalysis.run`). Build and run with `scripts/fuzz.sh ingest-body`.
//
// The first byte of an input picks the Content-Type from `contentTypes` (mostly JSON); the
// rest is the body. Reading must either give an article or throw an `APIError` whose
// problem is a 4xx: a body, however broken, is the client's error and never a 500. What is
// read must then analyse without trapping and keep `AnalysisInvariants`.

import BylineAnalysis
import BylineAPI
import BylineFuzzSupport
import BylineHTTP
import BylineStore

enum IngestBodyFuzzer {
    /// Weighted towards JSON, the only body with structure of its own.
    static let contentTypes = [
        "application/json", "application/json; charset=utf-8", "application/json", "APPLICATION/JSON;charset=UTF-8",
        "application/json", "application/json; charset=latin1", "text/plain; charset=utf-8", "text/html",
        "text/html; charset=iso-8859-1", "text/html; charset=utf-16", "text/plain; charset=utf-16", "application/xml",
        "application/json", "application/json", "application/json", "application/json",
    ]

    static func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data, size > 0 else { return 0 }
        let contentType = contentTypes[Int(data[0]) % contentTypes.count]
        let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
        let head = HTTPRequestHead(method: .post, target: "/v1/articles", version: HTTPVersion(major: 1, minor: 1),
                                   headers: ["Host": "localhost", "Content-Type": contentType])
        let input: ArticleInput
        do {
            input = try IngestRequestReader.input(from: HTTPRequest(head: head, body: body))
        } catch let error as APIError {
            let status = error.problem.status.code
            precondition((400..<500).contains(status), "a body got \(status): \(error)")
            return 0
        } catch {
            fatalError("IngestRequestReader threw \(error), not an APIError")
        }
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
    IngestBodyFuzzer.fuzzOne(data, size)
}

LibFuzzerDriver.run("BylineFuzzIngestBody") { data, size in IngestBodyFuzzer.fuzzOne(data, size) }
