import BylineAnalysis
import Foundation
import GRDB

extension ArticleStore {
    /// Parses and stores an article, or finds it if the same normalised text is already
    /// stored: then the existing article comes back unchanged with `created == false`
    /// (hints sent with a repeat do not rewrite it).
    public func ingest(_ input: ArticleInput) throws -> (ArticleRecord, created: Bool) {
        let normalised = ArticleText.normalise(input.rawText)
        guard !normalised.isEmpty else { throw StoreError.emptyText }
        let id = ArticleText.identifier(ofNormalised: normalised)
        // Most repeats are caught here, without parsing or taking the write lock.
        if let existing = try article(id: id) { return (existing, false) }

        // Analysis is pure and may take a while: do it before taking the write lock.
        let row = try NewArticleRow(id: id, input: input, ingestedAt: Timestamp.rfc3339(clock()))
        let (stored, created, changed) = try writer.write { db -> (ArticleRecord, Bool, [String]) in
            // Another writer may have stored the same text since the check above.
            if let existing = try ArticleRows.fetchArticle(db, id: id) { return (existing, false, []) }
            try row.insert(db)
            let sequence = db.lastInsertedRowID
            var changed = try StoryGrouping.add(sequence: sequence, signature: row.signature, db: db)
            let speakerIDs = try EntityMentions.add(articleSequence: sequence, entities: row.analysis.entities, db: db)
            changed.formUnion(try QuoteGroups.add(articleSequence: sequence, articleID: id,
                                                  quotes: row.analysis.quotes, speakerIDs: speakerIDs,
                                                  eventDay: row.signature.eventDay, db: db))
            changed.remove(sequence)
            guard let stored = try ArticleRows.fetchArticle(db, id: id) else {
                fatalError("article \(id) vanished inside its own transaction")
            }
            return (stored, true, try ArticleRows.ids(ofSequences: changed, db: db))
        }
        notifyChanged(changed)
        return (stored, created)
    }
}

/// The column values of an article about to be inserted.
struct NewArticleRow {
    let id: String
    let sha256: String
    let raw: Data
    let contentType: String
    let text: String
    let title: String?
    let outlet: Outlet?
    let published: CalendarDate?
    let url: String?
    let authors: [String]
    let language: String
    let wordCount: Int
    let body: String
    let bodySpan: TextSpan?
    let analysis: StoredAnalysis
    let signature: EventSignature
    let ingestedAt: String

    init(id: String, input: ArticleInput, ingestedAt: String) throws {
        let (text, analysis) = IngestAnalysis.run(input)
        let document = analysis.document
        if input.isHTML && document.body.isEmpty { throw StoreError.noArticleInPage }
        let raw = Data(input.rawText.utf8)
        self.id = id
        self.sha256 = SHA256Digest.hex(of: raw)
        self.raw = raw
        self.contentType = NewArticleRow.storedContentType(input.contentType)
        self.text = text
        self.analysis = StoredAnalysis(quotes: analysis.quotes, entities: analysis.entities, dates: analysis.dates)
        self.signature = EventSignature.make(analysis: analysis)
        self.title = input.hints.title ?? document.title
        self.outlet = (input.hints.outlet ?? document.outlet).map(Outlet.init(name:))
        self.published = input.hints.published ?? document.published
        self.url = input.hints.url
        self.authors = document.authors
        self.language = document.language
        self.wordCount = document.wordCount
        self.body = document.body
        self.bodySpan = document.bodySpan
        self.ingestedAt = ingestedAt
    }

    /// The raw bytes are always UTF-8 (they come from a `String`), so a `text/*` type
    /// without a charset gets one: `GET …/raw` then tells clients how to decode it.
    static func storedContentType(_ contentType: String) -> String {
        let trimmed = contentType.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("text/") && !lowered.contains("charset=") {
            return trimmed + "; charset=utf-8"
        }
        return trimmed
    }

    func insert(_ db: Database) throws {
        if let outlet {
            // The first spelling of an outlet's name is kept; later ones map to the same slug.
            try db.execute(sql: "INSERT INTO outlet(id, name) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
                           arguments: [outlet.id, outlet.name])
        }
        let authorsJSON = String(decoding: try JSONEncoder().encode(authors), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO article(id, sha256, raw, content_type, text, title, outlet_id, published,
                                    url, authors, language, word_count, body, body_start, body_end,
                                    story_id, ingested_at, analysis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
                """,
            arguments: [id, sha256, raw, contentType, text, title, outlet?.id, published?.iso,
                        url, authorsJSON, language, wordCount, body, bodySpan?.start, bodySpan?.end,
                        ingestedAt, try analysis.json()])
    }
}
