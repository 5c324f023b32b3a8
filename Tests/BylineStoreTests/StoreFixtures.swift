import Foundation
import GRDB
@testable import BylineStore

/// A directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("byline-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A database path inside a not-yet-existing subdirectory, so opening must create it.
    var databasePath: String { url.appendingPathComponent("nested/byline.sqlite").path }

    /// A database at `databasePath` with the migrations up to `migration` only: an older
    /// store, for the tests of later migrations.
    func database(migratedUpTo migration: String) throws -> DatabaseQueue {
        try FileManager.default.createDirectory(
            atPath: (databasePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: databasePath)
        try StoreMigrations.migrator.migrate(queue, upTo: migration)
        return queue
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

enum StoreFixtures {
    /// A small plain-text article with a headline, a date line and two paragraphs.
    static func article(_ number: Int, outlet: String? = nil, published: String? = nil,
                        topic: String = "budget") -> String {
        var lines = ["Council votes on \(topic) plan number \(number)"]
        if let published { lines.append("Published: \(published)") }
        lines.append("")
        lines.append("The city council voted on the \(topic) plan number \(number) late on Tuesday evening.")
        lines.append("")
        lines.append("Members said the \(topic) plan would be reviewed again next month, officials said.")
        if let outlet { lines.append(""); lines.append("SOURCE: \(outlet)") }
        return lines.joined(separator: "\n")
    }

    static func input(_ text: String, hints: ArticleHints = ArticleHints()) -> ArticleInput {
        ArticleInput(rawText: text, contentType: "text/plain", hints: hints)
    }
}
