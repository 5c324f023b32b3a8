import BylineAnalysis
import BylineConcurrency
import Dispatch
import Foundation
import GRDB

/// What one ingest gave: the stored article, whether this ingest created it, and the IDs of
/// other articles whose representation the write changed (for `notifyChanged`).
struct IngestOutcome: Sendable {
    let article: ArticleRecord
    let created: Bool
    let changed: [String]
}

extension ArticleStore {
    /// Parses and stores an article, or finds it if the same normalised text is already
    /// stored: then the existing article comes back unchanged with `created == false`
    /// (hints sent with a repeat do not rewrite it). Returns once the article is durable;
    /// concurrent ingests share a transaction (`GroupCommit`).
    public func ingest(_ input: ArticleInput) throws -> (ArticleRecord, created: Bool) {
        let outcome = try ingest([input])[0].get()
        return (outcome.article, outcome.created)
    }

    /// Ingests several articles (a batch request): analysed concurrently, stored through the
    /// same group commit as single ingests, so in as few transactions as the writer takes.
    /// One result per input, in order; one article's failure (an empty text, a page with no
    /// article) does not fail the others. Returns once every stored article is durable.
    public func ingest(batch inputs: [ArticleInput]) -> [Result<(ArticleRecord, created: Bool), any Error>] {
        do {
            return try ingest(inputs).map { $0.map { ($0.article, $0.created) } }
        } catch {
            return inputs.map { _ in .failure(error) }
        }
    }

    private func ingest(_ inputs: [ArticleInput]) throws -> [Result<IngestOutcome, any Error>] {
        // Analysis is pure and may take a while: done before queueing for the writer, for a
        // batch on all cores.
        let prepared = ArticleStore.prepare(inputs, ingestedAt: Timestamp.rfc3339(clock()), existing: { try self.article(id: $0) })
        var results = prepared
        let toWrite = prepared.indices.filter { index in
            if case .success(.write) = prepared[index] { return true } else { return false }
        }
        let rows: [NewArticleRow] = toWrite.map { index in
            guard case .success(.write(let row)) = prepared[index] else { fatalError("filtered above") }
            return row
        }
        let written = try ingestWriter.submit(rows)
        var outcomes = Array(repeating: Result<IngestOutcome, any Error>.failure(StoreError.emptyText), count: inputs.count)
        for (index, result) in zip(toWrite, written) { results[index] = result.map { .done($0) } }
        for (index, result) in results.enumerated() {
            outcomes[index] = result.map { step in
                guard case .done(let outcome) = step else { fatalError("every write has an outcome") }
                return outcome
            }
        }
        if outcomes.contains(where: { (try? $0.get().created) == true }) { noteWrite() }
        let changed = outcomes.flatMap { (try? $0.get().changed) ?? [] }
        notifyChanged(Array(Set(changed)))
        return outcomes
    }

    /// Where one input stands before the writer: already stored, or a row to write.
    enum PreparedIngest: Sendable {
        case done(IngestOutcome)
        case write(NewArticleRow)
    }

    static func prepare(_ inputs: [ArticleInput], ingestedAt: String,
                        existing: @Sendable (String) throws -> ArticleRecord?) -> [Result<PreparedIngest, any Error>] {
        @Sendable func prepare(_ input: ArticleInput) -> Result<PreparedIngest, any Error> {
            Result {
                let normalised = ArticleText.normalise(input.rawText)
                guard !normalised.isEmpty else { throw StoreError.emptyText }
                let id = ArticleText.identifier(ofNormalised: normalised)
                // Most repeats are caught here, without parsing or queueing for the writer.
                if let stored = try existing(id) { return .done(IngestOutcome(article: stored, created: false, changed: [])) }
                return .write(try NewArticleRow(id: id, input: input, ingestedAt: ingestedAt))
            }
        }
        guard inputs.count > 1 else { return inputs.map(prepare) }
        let results = Locked([Result<PreparedIngest, any Error>?](repeating: nil, count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let result = prepare(inputs[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// The group commit's transaction: every row in its own savepoint (a failing one is
    /// rolled back alone), then every stored article read back, so each caller gets its
    /// article as committed (a later row of the same transaction may have moved it to
    /// another story). A failed transaction, or a row rolled back, drops the cached
    /// signature vectors: SQLite may hand their sequences out again.
    static func write(_ rows: [NewArticleRow], writer: any DatabaseWriter,
                      vectors: SignatureVectors) throws -> [Result<IngestOutcome, any Error>] {
        do {
            let outcomes = try transaction(rows, writer: writer, vectors: vectors)
            if outcomes.contains(where: { if case .failure = $0 { true } else { false } }) { vectors.forgetAll() }
            return outcomes
        } catch {
            vectors.forgetAll()
            throw error
        }
    }

    private static func transaction(_ rows: [NewArticleRow], writer: any DatabaseWriter,
                                    vectors: SignatureVectors) throws -> [Result<IngestOutcome, any Error>] {
        // A full disk inside a row's savepoint makes SQLite roll the whole transaction back,
        // and the commit then fails as "aborted": the cause is the one callers must see.
        var storageFailure: (any Error)?
        do {
            return try writer.write { db in try transactionBody(rows, vectors: vectors, db: db, storageFailure: &storageFailure) }
        } catch {
            throw storageFailure ?? error
        }
    }

    private static func transactionBody(_ rows: [NewArticleRow], vectors: SignatureVectors, db: Database,
                                        storageFailure: inout (any Error)?) throws -> [Result<IngestOutcome, any Error>] {
        var steps: [Result<InsertStep, any Error>] = []
        for row in rows {
            steps.append(Result {
                var step = InsertStep(sequence: nil, changed: [])
                try db.inSavepoint {
                    step = try insert(row, vectors: vectors, db: db)
                    return .commit
                }
                return step
            })
            if case .failure(let error) = steps.last!, StorageFailure(error) != nil, storageFailure == nil {
                storageFailure = error
            }
        }
        return zip(rows, steps).map { row, step in
            step.flatMap { step in
                Result {
                    // A new row is put back together from what was written and the labels the
                    // transaction gave it, not read back: decoding its stored analysis again
                    // would happen inside the serial writer every ingest waits for.
                    let stored = try step.sequence.map { try row.record(sequence: $0, db: db) }
                        ?? ArticleRows.fetchArticle(db, id: row.id)
                    guard let stored else { fatalError("article \(row.id) vanished inside its own transaction") }
                    return IngestOutcome(article: stored, created: step.created,
                                         changed: try ArticleRows.ids(ofSequences: step.changed, db: db))
                }
            }
        }
    }

    /// What inserting one row did: its sequence when it was new (nil when the same text
    /// was already stored), and the sequences of the other articles it changed.
    struct InsertStep {
        var sequence: Int64?
        var changed: Set<Int64>
        var created: Bool { sequence != nil }
    }

    /// Inserts one article and links it into stories, entities and quote groups.
    private static func insert(_ row: NewArticleRow, vectors: SignatureVectors, db: Database) throws -> InsertStep {
        // Another writer, or an earlier row of this transaction, may have stored the same text.
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM article WHERE id = ?"), arguments: [row.id]) == true {
            return InsertStep(sequence: nil, changed: [])
        }
        try row.insert(db)
        let sequence = db.lastInsertedRowID
        var changed = try StoryGrouping.add(sequence: sequence, signature: row.signature, vectors: vectors, db: db)
        let speakerIDs = try EntityMentions.add(articleSequence: sequence, entities: row.analysis.entities, db: db)
        changed.formUnion(try QuoteGroups.add(articleSequence: sequence, articleID: row.id,
                                              quotes: row.analysis.quotes, speakerIDs: speakerIDs,
                                              eventDay: row.signature.eventDay, db: db))
        changed.remove(sequence)
        return InsertStep(sequence: sequence, changed: changed)
    }
}

/// The column values of an article about to be inserted.
struct NewArticleRow: Sendable {
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
    /// `analysis` and `authors` as stored, encoded here, off the writer's serial path.
    let analysisJSON: String
    let authorsJSON: String
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
        self.analysisJSON = try self.analysis.json()
        self.authorsJSON = String(decoding: try JSONEncoder().encode(document.authors), as: UTF8.self)
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
            try db.cachedStatement(sql: "INSERT INTO outlet(id, name) VALUES (?, ?) ON CONFLICT(id) DO NOTHING")
                .execute(arguments: [outlet.id, outlet.name])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO article(id, sha256, raw, content_type, text, title, outlet_id, published,
                                    url, authors, language, word_count, body, body_start, body_end,
                                    story_id, ingested_at, analysis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
                """).execute(
            arguments: [id, sha256, raw, contentType, text, title, outlet?.id, published?.iso,
                        url, authorsJSON, language, wordCount, body, bodySpan?.start, bodySpan?.end,
                        ingestedAt, analysisJSON])
    }

    /// The article as this row stored it, with what the transaction has decided since: its
    /// story, its quotes' groups and the outlet's stored spelling (the first one seen).
    /// Equal to `ArticleRows.fetchArticle` on the same transaction (a test holds them equal).
    func record(sequence: Int64, db: Database) throws -> ArticleRecord {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT a.story_id, o.name FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id WHERE a.seq = ?
            """), arguments: [sequence])
        let storyID: String? = row?[0]
        let outletName: String? = row?[1]
        let groups = try QuoteGroups.groups(ofArticle: sequence, db: db)
        return ArticleRecord(
            id: id, sequence: sequence, sha256: sha256, contentType: contentType, title: title,
            outlet: outlet.map { Outlet(id: $0.id, name: outletName ?? $0.name) },
            published: published, url: url, authors: authors, language: language, wordCount: wordCount,
            body: body, bodySpan: bodySpan, storyID: storyID, ingestedAt: ingestedAt,
            quotes: analysis.quotes, entities: analysis.entities, dates: analysis.dates,
            quoteGroupIDs: groups.count == analysis.quotes.count ? groups
                : analysis.quotes.indices.map { QuoteGroups.groupID(forSmallestQuoteID: QuoteGroups.quoteID(articleID: id, index: $0)) })
    }
}
