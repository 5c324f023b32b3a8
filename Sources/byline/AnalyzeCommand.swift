import ArgumentParser
import BylineAnalysis
import BylineAPI
import BylineHTTP
import BylineStore
import Foundation

/// `byline analyze FILE...`: each file's article JSON, exactly as `GET /v1/articles/{id}`
/// would return it after ingesting the file, one JSON line per file, in order — without a
/// server or a store, so anyone can run the scorer (`../shared/eval/to_predictions.py`).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print each file's article JSON (as GET /v1/articles/{id} returns it), one line per file.")

    @Argument(help: "Article files: plain text, or web pages (.html, .htm, .html.gz).")
    var files: [String]

    func run() throws {
        var failed = false
        let output = FileHandle.standardOutput
        for file in files {
            do {
                let input = try AnalyzeCommand.input(path: file)
                var line = try ArticleRendering.json(try ArticleStore.preview(input))
                line.append(UInt8(ascii: "\n"))
                output.write(Data(line))
            } catch {
                failed = true
                // Keep line i = file i for the scorer: a failed file prints `null`.
                output.write(Data("null\n".utf8))
                FileHandle.standardError.write(Data("error \(file): \(error)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }

    static func input(path: String) throws -> ArticleInput {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let lower = path.lowercased()
        if lower.hasSuffix(".gz") {
            guard let inflated = GzipCompressor.decompress(bytes) else { throw ValidationError("not a gzip file") }
            bytes = inflated
        }
        let isHTML = [".html", ".htm", ".html.gz", ".htm.gz"].contains { lower.hasSuffix($0) }
        // A page is decoded by the charset it declares; plain text must be UTF-8.
        let text: String
        if isHTML {
            text = HTMLArticleExtractor.decodePage(bytes)
        } else {
            guard let utf8 = String(validating: bytes, as: UTF8.self) else { throw ValidationError("not UTF-8 text") }
            text = utf8
        }
        return ArticleInput(rawText: text, contentType: isHTML ? "text/html; charset=utf-8" : "text/plain; charset=utf-8")
    }
}
