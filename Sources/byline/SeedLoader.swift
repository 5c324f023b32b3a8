import BylineStore
import Foundation
import Logging

/// Loads the embedded default corpus: every `*.txt` file of a directory, in name order so
/// a fresh store gets the same articles in the same order every time.
enum SeedLoader {
    static func load(directory: String, into store: ArticleStore, logger: Logger) throws -> Int {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
        var created = 0
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let (_, isNew) = try store.ingest(ArticleInput(rawText: text, contentType: "text/plain"))
            if isNew { created += 1 }
        }
        return created
    }
}
