import BylineAnalysis
import Foundation
import GRDB

/// Groups articles that report the same event into stories, incrementally.
///
/// Each article keeps its `EventSignature`. An arriving article is compared with the stored
/// articles whose event day is within `EventSignature.maximumDayGap` of its own (or that
/// have none); every pair that reports the same event is linked. A story is a connected
/// component of links and its ID is `s-` + the smallest article ID in it. Links are
/// decided pair by pair from the two articles alone, so the same corpus in any order gives
/// the same stories with the same IDs; ingesting article N compares it with its candidate
/// neighbours only, never regroups the corpus.
enum StoryGrouping {
    /// Candidates compared per arriving article, newest first: a bound on ingest cost.
    static let maximumCandidates = 5000

    static func storyID(forSmallestArticleID id: String) -> String { "s-" + id }

    /// Records the new article's signature, links it, and relabels its story; returns the
    /// sequences of the articles whose story ID changed. Candidates are the articles that
    /// share enough top terms (through `signature_term`) within the event-day window.
    @discardableResult
    static func add(sequence: Int64, signature: EventSignature, vectors: SignatureVectors = SignatureVectors(),
                    db: Database) throws -> Set<Int64> {
        try db.execute(sql: "INSERT INTO article_signature(seq, event_day, signature) VALUES (?, ?, ?)",
                       arguments: [sequence, signature.eventDay, signature.encodedTerms])
        let top = signature.topTerms
        for term in top {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO signature_term(term, seq) VALUES (?, ?)")
                .execute(arguments: [term, sequence])
        }
        guard top.count >= EventSignature.minimumSharedTopTerms else { return try merge(sequence, into: [], db: db) }
        // With an event day, the day window (indexed) bounds the candidates first and each is
        // checked for shared top terms through its own few rows; without one, the postings of
        // its top terms do. Either way the set is the one `reportsSameEvent` can accept.
        let terms = databaseQuestionMarks(count: top.count)
        let rows: [Row]
        if let day = signature.eventDay {
            var values: [(any DatabaseValueConvertible)?] = [day - EventSignature.maximumDayGap, day + EventSignature.maximumDayGap, sequence]
            values += top.map { $0 }
            values += [EventSignature.minimumSharedTopTerms, maximumCandidates]
            rows = try Row.fetchAll(db, sql: """
                SELECT s.seq, s.event_day, s.signature FROM article_signature s
                WHERE (s.event_day BETWEEN ? AND ? OR s.event_day IS NULL) AND s.seq != ?
                AND (SELECT COUNT(*) FROM signature_term t WHERE t.seq = s.seq AND t.term IN (\(terms))) >= ?
                ORDER BY s.seq DESC LIMIT ?
                """, arguments: StatementArguments(values))
        } else {
            var values: [(any DatabaseValueConvertible)?] = top.map { $0 }
            values += [sequence, EventSignature.minimumSharedTopTerms, maximumCandidates]
            rows = try Row.fetchAll(db, sql: """
                SELECT s.seq, s.event_day, s.signature FROM article_signature s
                WHERE s.seq IN (
                    SELECT t.seq FROM signature_term t WHERE t.term IN (\(terms)) AND t.seq != ?
                    GROUP BY t.seq HAVING COUNT(*) >= ?)
                ORDER BY s.seq DESC LIMIT ?
                """, arguments: StatementArguments(values))
        }
        // The query has already applied the other two tests of `reportsSameEvent` (event
        // days within `maximumDayGap` or unknown, at least `minimumSharedTopTerms` shared top
        // terms), exactly; what is left is its similarity test, on cached vectors.
        let vector = vectors.vector(of: signature)
        var linked: [Int64] = []
        for row in rows {
            let other: Int64 = row[0]
            let otherVector = vectors.vector(sequence: other, encodedTerms: row[2])
            if vector.similarity(to: otherVector) >= EventSignature.sameEventSimilarity {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_link(a, b) VALUES (?, ?)")
                    .execute(arguments: [min(sequence, other), max(sequence, other)])
                linked.append(other)
            }
        }
        return try merge(sequence, into: linked, db: db)
    }

    /// Labels a new article linked to `neighbours`: its story is the union of theirs and
    /// itself, named after the smallest article ID in it. Stories are connected components
    /// and every stored article carries its story's ID, so that union is the articles
    /// carrying the neighbours' story IDs: no walk of the links, and when the article joins
    /// one story without renaming it, only its own row is written. Returns the sequences of
    /// the other articles whose story ID changed.
    static func merge(_ sequence: Int64, into neighbours: [Int64], db: Database) throws -> Set<Int64> {
        guard let ownID = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM article WHERE seq = ?"),
                                              arguments: [sequence]) else { return [] }
        var stories: Set<String> = []
        for neighbour in Set(neighbours) {
            if let story = try String.fetchOne(db.cachedStatement(sql: "SELECT story_id FROM article WHERE seq = ?"),
                                               arguments: [neighbour]) {
                stories.insert(story)
            }
        }
        let own = storyID(forSmallestArticleID: ownID)
        // Same prefix on every label: the smallest label names the smallest article ID.
        let story = stories.union([own]).min()!
        try db.execute(sql: "UPDATE article SET story_id = ? WHERE seq = ?", arguments: [story, sequence])
        let renamed = Array(stories.subtracting([story]))
        guard !renamed.isEmpty else { return [] }
        var values: [(any DatabaseValueConvertible)?] = [story]
        values += renamed.map { $0 }
        return Set(try Int64.fetchAll(db, sql: """
            UPDATE article SET story_id = ? WHERE story_id IN (\(databaseQuestionMarks(count: renamed.count))) RETURNING seq
            """, arguments: StatementArguments(values)))
    }

    /// The articles linked to `sequence`, to relabel after it is deleted.
    static func neighbours(of sequence: Int64, db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT b FROM story_link WHERE a = ? UNION SELECT a FROM story_link WHERE b = ?",
                           arguments: [sequence, sequence])
    }

    /// Gives every article of the component containing `sequence` its story ID, walking the
    /// links (after a delete, when a story may fall apart); returns the sequences whose ID
    /// changed.
    @discardableResult
    static func relabel(componentOf sequence: Int64, db: Database) throws -> Set<Int64> {
        var component: Set<Int64> = [sequence]
        var frontier = [sequence]
        while let next = frontier.popLast() {
            for neighbour in try neighbours(of: next, db: db) where component.insert(neighbour).inserted {
                frontier.append(neighbour)
            }
        }
        let members = Array(component)
        let placeholders = databaseQuestionMarks(count: members.count)
        guard let smallest = try String.fetchOne(
            db, sql: "SELECT MIN(id) FROM article WHERE seq IN (\(placeholders))", arguments: StatementArguments(members))
        else { return [] }
        let story = storyID(forSmallestArticleID: smallest)
        var values: [(any DatabaseValueConvertible)?] = [story]
        values += members.map { $0 }
        values.append(story)
        return Set(try Int64.fetchAll(db, sql: """
            UPDATE article SET story_id = ? WHERE seq IN (\(placeholders)) AND story_id IS NOT ? RETURNING seq
            """, arguments: StatementArguments(values)))
    }

    /// Computes signatures, links and story IDs for articles stored before stories existed.
    static func backfill(db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT seq, title, body, published, analysis FROM article ORDER BY seq")
        for row in rows {
            let published: String? = row[3]
            let stored = try StoredAnalysis.decode(row[4])
            let document = ArticleDocument(title: row[1], published: published.flatMap { CalendarDate(iso: $0) },
                                           body: row[2], language: "und", wordCount: 0)
            let analysis = ArticleAnalysis(document: document, dates: stored.dates)
            try add(sequence: row[0], signature: EventSignature.make(analysis: analysis), db: db)
        }
    }
}
