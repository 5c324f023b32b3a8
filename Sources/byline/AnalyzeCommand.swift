import ArgumentParser
import BylineAnalysis
import BylineAPI
import BylineHTTP
import BylineStore
import Foundation

/// `byline analyze FILE...`: each file's article JSON, exactly as `GET /v1/articles/{id}`
/// would return it once all the files are ingested — stories and quote groups included, so
/// the files are analysed together as one corpus, in a store that lives in memory — one
/// JSON line per file, in order, without a server (`../shared/eval/to_predictions.py`
/// turns the output into the scorer's predictions).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print each file's article JSON (as GET /v1/articles/{id} returns it), one line per file.")

    @Argument(help: "Article files: plain text, or web pages (.html, .htm, .html.gz).")
    var files: [String]

    func run() throws {
        let store = try ArticleStore.inMemory()
        var ids: [String?] = []
        for file in files {
            do {
                ids.append(try store.ingest(try AnalyzeCommand.input(path: file)).0.id)
            } catch {
                ids.append(nil)
                FileHandle.standardError.write(Data("error \(file): \(error)\n".utf8))
            }
        }
        let output = FileHandle.standardOutput
        for id in ids {
            // Line i is file i for the scorer: a file that failed prints `null`.
            var line = Array("null".utf8)
            if let id, let article = try store.article(id: id) { line = try ArticleRendering.json(article) }
            line.append(UInt8(ascii: "\n"))
            output.write(Data(line))
        }
        if ids.contains(where: { $0 == nil }) { throw ExitCode(1) }
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
