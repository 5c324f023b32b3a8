import ArgumentParser
import BylineStore
import Foundation

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store articles without a server; prints `<id> created|existing` per file.")

    @OptionGroup var options: SettingsOptions

    @Argument(help: "Plain-text article files.")
    var files: [String]

    func run() throws {
        let settings: Settings
        do { settings = try options.resolve() } catch { throw ValidationError("\(error)") }
        let store = try ArticleStore(path: settings.database, maxDatabaseBytes: settings.maxDatabaseBytes)
        var failed = false
        for file in files {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                guard let text = String(data: data, encoding: .utf8) else {
                    throw ValidationError("not UTF-8 text")
                }
                let (article, created) = try store.ingest(ArticleInput(rawText: text, contentType: "text/plain"))
                print("\(article.id) \(created ? "created" : "existing") \(file)")
            } catch {
                failed = true
                FileHandle.standardError.write(Data("error \(file): \(error)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
