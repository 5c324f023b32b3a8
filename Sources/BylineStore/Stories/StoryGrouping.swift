import BylineAnalysis
import Foundation
import GRDB

/// Groups articles that report the same event into stories, incrementally.
///
/// Each article keeps its `EventSignature`. An arriving article is compared with the stored
/// articles whose event day is within `EventSignature.maximumDayGap` of its own (or that
/// have none); two that report the same event are linked. A story is a connected component
/// of those links and its ID is `s-` + the smallest article ID in it. Links are decided
/// pair by pair from the two articles alone, so the same corpus in any order gives the same
/// stories with the same IDs; ingesting article N compares it with its candidate neighbours
/// only, never regroups the corpus.
///
/// The links themselves are not stored: every article carries its component's label, and a
/// component is all an arrival can change, so one link into a story is as good as all of
/// them (an arrival stops comparing with a story's members once it has joined it). The
/// pairwise links of a story of a few hundred reports measured as most of the database and
/// of ingest time. A delete, which may split a story, re-derives it from its remaining
/// members instead (`regroup`).
enum StoryGrouping {
    /// Candidates compared per arriving article, newest first: a bound on ingest cost.
    static let maximumCandidates = 5000

    static func storyID(forSmallestArticleID id: String) -> String { "s-" + id }

    /// Records the new article's signature and gives it its story; returns the sequences of
    /// the other articles whose story ID changed.
    @discardableResult
    static func add(sequence: Int64, signature: EventSignature, vectors: SignatureVectors = SignatureVectors(),
                    db: Database) throws -> Set<Int64> {
        try db.cachedStatement(sql: "INSERT INTO article_signature(seq, event_day, signature) VALUES (?, ?, ?)")
            .execute(arguments: [sequence, signature.eventDay, signature.encodedTerms])
        for term in signature.topTerms {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO signature_term(term, seq, event_day) VALUES (?, ?, ?)")
                .execute(arguments: [term, sequence, signature.eventDay])
        }
        return try link(sequence: sequence, signature: signature, vectors: vectors, db: db)
    }

    /// Compares the article with its candidates and merges it with every story it reports
    /// the same event as. Candidates are the articles that share enough top terms (through
    /// `signature_term`) within the event-day window.
    static func link(sequence: Int64, signature: EventSignature, vectors: SignatureVectors,
                     db: Database) throws -> Set<Int64> {
        let top = signature.topTerms
        guard top.count >= EventSignature.minimumSharedTopTerms else { return try merge(sequence, into: [], db: db) }
        // Postings carry their article's event day: each top term is one index range of
        // `signature_term_day` within the day window (and one for articles with no day), and
        // only the articles that share enough of them are joined to their story labels.
        let terms = databaseQuestionMarks(count: top.count)
        let rows: [Row]
        if let day = signature.eventDay {
            var values: [(any DatabaseValueConvertible)?] = top.map { $0 }
            values += [day - EventSignature.maximumDayGap, day + EventSignature.maximumDayGap]
            values += top.map { $0 }
            values += [sequence, EventSignature.minimumSharedTopTerms, maximumCandidates]
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.seq, s.story_id FROM (
                    SELECT seq FROM (
                        SELECT seq FROM signature_term WHERE term IN (\(terms)) AND event_day BETWEEN ? AND ?
                        UNION ALL
                        SELECT seq FROM signature_term WHERE term IN (\(terms)) AND event_day IS NULL)
                    WHERE seq != ? GROUP BY seq HAVING COUNT(*) >= ?) c
                JOIN article_signature s ON s.seq = c.seq
                ORDER BY c.seq DESC LIMIT ?
                """), arguments: StatementArguments(values))
        } else {
            var values: [(any DatabaseValueConvertible)?] = top.map { $0 }
            values += [sequence, EventSignature.minimumSharedTopTerms, maximumCandidates]
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.seq, s.story_id FROM (
                    SELECT seq FROM signature_term WHERE term IN (\(terms)) AND seq != ?
                    GROUP BY seq HAVING COUNT(*) >= ?) c
                JOIN article_signature s ON s.seq = c.seq
                ORDER BY c.seq DESC LIMIT ?
                """), arguments: StatementArguments(values))
        }
        // The query has already applied the other two tests of `reportsSameEvent` (event
        // days within `maximumDayGap` or unknown, at least `minimumSharedTopTerms` shared top
        // terms), exactly; what is left is its similarity test, on cached vectors.
        let vector = vectors.vector(of: signature)
        let own: String? = try String.fetchOne(db.cachedStatement(sql: "SELECT story_id FROM article_signature WHERE seq = ?"),
                                               arguments: [sequence])
        var joined: Set<String> = []
        // Signatures are read only for candidates whose vector is not cached, and that are
        // in a story the article has not joined yet: a stored signature spans pages.
        let signatureOf = try db.cachedStatement(sql: "SELECT signature FROM article_signature WHERE seq = ?")
        for row in rows {
            let candidate: Int64 = row[0]
            let story: String? = row[1]
            // Already in that story (through an earlier link, or as a member regrouped
            // with it): further links into it change nothing.
            if let story, story == own || joined.contains(story) { continue }
            let otherVector = try vectors.vector(sequence: candidate) {
                try String.fetchOne(signatureOf, arguments: [candidate]) ?? ""
            }
            if vector.similarity(to: otherVector) >= EventSignature.sameEventSimilarity, let story {
                joined.insert(story)
            }
        }
        return try merge(sequence, into: joined, db: db)
    }

    /// Merges the article's story (its own, new, when it has none yet) with `stories`: the
    /// union is named after the smallest article ID in it, the smallest of their labels.
    /// Stories are connected components and every stored article carries its story's ID,
    /// so that union is the articles carrying those IDs: when the article joins one story
    /// without renaming it, only its own row is written. Returns the sequences of the other
    /// articles whose story ID changed.
    static func merge(_ sequence: Int64, into stories: Set<String>, db: Database) throws -> Set<Int64> {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT a.id, s.story_id FROM article a JOIN article_signature s ON s.seq = a.seq WHERE a.seq = ?
            """), arguments: [sequence]) else { return [] }
        let current: String = (row[1] as String?) ?? storyID(forSmallestArticleID: row[0])
        let all = stories.union([current])
        // Same prefix on every label: the smallest label names the smallest article ID.
        let story = all.min()!
        if row[1] as String? != story { try setStory(story, ofArticle: sequence, db: db) }
        let renamed = Array(all.subtracting([story]))
        guard !renamed.isEmpty else { return [] }
        var values: [(any DatabaseValueConvertible)?] = [story]
        values += renamed.map { $0 }
        values.append(sequence)
        let arguments = StatementArguments(values)
        let labels = databaseQuestionMarks(count: renamed.count)
        try db.execute(sql: "UPDATE article SET story_id = ? WHERE story_id IN (\(labels)) AND seq != ?", arguments: arguments)
        return Set(try Int64.fetchAll(db, sql: """
            UPDATE article_signature SET story_id = ? WHERE story_id IN (\(labels)) AND seq != ? RETURNING seq
            """, arguments: arguments))
    }

    /// Labels one article with `story`, in both places the label is kept.
    static func setStory(_ story: String, ofArticle sequence: Int64, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE article SET story_id = ? WHERE seq = ?").execute(arguments: [story, sequence])
        try db.cachedStatement(sql: "UPDATE article_signature SET story_id = ? WHERE seq = ?").execute(arguments: [story, sequence])
    }

    /// After a member of `story` is deleted: the story may fall apart. Each remaining
    /// member starts as a story of its own and is linked again, in ingestion order, as if it
    /// arrived; they end as the components of their links without the deleted article.
    /// Costs a comparison of every member with its candidates, once per delete. Returns the
    /// sequences whose story ID changed.
    static func regroup(story: String, vectors: SignatureVectors = SignatureVectors(), db: Database) throws -> Set<Int64> {
        let members = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.seq, a.id, s.signature, s.event_day FROM article a JOIN article_signature s ON s.seq = a.seq
            WHERE a.story_id = ? ORDER BY a.seq
            """), arguments: [story])
        for member in members {
            try setStory(storyID(forSmallestArticleID: member[1]), ofArticle: member[0], db: db)
        }
        for member in members {
            let signature = EventSignature(encodedTerms: member[2], eventDay: member[3])
            _ = try link(sequence: member[0], signature: signature, vectors: vectors, db: db)
        }
        let sequences = members.map { $0[0] as Int64 }
        guard !sequences.isEmpty else { return [] }
        var values: [(any DatabaseValueConvertible)?] = sequences.map { $0 }
        values.append(story)
        return Set(try Int64.fetchAll(db, sql: """
            SELECT seq FROM article WHERE seq IN (\(databaseQuestionMarks(count: sequences.count))) AND story_id IS NOT ?
            """, arguments: StatementArguments(values)))
    }

    /// The v3 migration: signatures and top terms, in v3's columns, for articles stored
    /// before stories existed. Frozen with that migration; `groupUngrouped` (v7) links them.
    static func backfillSignatures(db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT seq, title, body, published, analysis FROM article ORDER BY seq")
        for row in rows {
            let published: String? = row[3]
            let stored = try StoredAnalysis.decode(row[4])
            let document = ArticleDocument(title: row[1], published: published.flatMap { CalendarDate(iso: $0) },
                                           body: row[2], language: "und", wordCount: 0)
            let signature = EventSignature.make(analysis: ArticleAnalysis(document: document, dates: stored.dates))
            try db.execute(sql: "INSERT INTO article_signature(seq, event_day, signature) VALUES (?, ?, ?)",
                           arguments: [row[0] as Int64, signature.eventDay, signature.encodedTerms])
            for term in signature.topTerms {
                try db.execute(sql: "INSERT OR IGNORE INTO signature_term(term, seq) VALUES (?, ?)", arguments: [term, row[0] as Int64])
            }
        }
    }

    /// Links, in ingestion order as if they arrived, the articles that have a signature but
    /// no story yet: those a v1 or v2 database held when it was migrated.
    static func groupUngrouped(db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT seq, signature, event_day FROM article_signature WHERE story_id IS NULL ORDER BY seq
            """)
        let vectors = SignatureVectors()
        for row in rows {
            _ = try link(sequence: row[0], signature: EventSignature(encodedTerms: row[1], eventDay: row[2]),
                         vectors: vectors, db: db)
        }
    }
}
