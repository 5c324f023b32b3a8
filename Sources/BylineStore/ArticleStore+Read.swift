import Foundation
import GRDB

// These reads are one SELECT each, which SQLite already runs against one consistent
// snapshot; `unsafeRead` skips the BEGIN/COMMIT that `read` wraps around it, a measured
// tenth of the CPU of a GET.
extension ArticleStore {
    /// The article with this ID, or nil.
    public func article(id: String) throws -> ArticleRecord? {
        try writer.unsafeRead { db in try ArticleRows.fetchArticle(db, id: id) }
    }

    /// The article's original bytes and media type, or nil if there is no such article.
    public func rawContent(id: String) throws -> RawContent? {
        try writer.unsafeRead { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT raw, content_type FROM article WHERE id = ?"),
                                             arguments: [id]) else { return nil }
            let bytes: [UInt8] = (row["raw"] as Data?).map(Array.init) ?? []
            return RawContent(bytes: bytes, contentType: row["content_type"])
        }
    }

    /// The text that the article's spans index, or nil if there is no such article. For a
    /// plain-text article that is the text exactly as ingested.
    public func text(id: String) throws -> String? {
        try writer.unsafeRead { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT text FROM article WHERE id = ?"), arguments: [id])
        }
    }
}
