import BylineAnalysis
import GRDB

/// Quote groups across articles: quotes that render the same words of the same speaker
/// (`QuoteGrouping.sameUtterance`) are linked when the later one arrives; a group is a
/// connected component of links, named `g-` + its smallest quote ID, so the same corpus in
/// any order gives the same groups. A quote without a named speaker is a group of its own.
enum QuoteGroups {
    /// Quotes of the same speaker compared per arriving quote, newest first: a bound on the
    /// cost of an ingest for much-quoted speakers (groups across more than this many of a
    /// speaker's later quotes are not formed).
    static let maximumCandidates = 2000

    static func quoteID(articleID: String, index: Int) -> String { "\(articleID)-q\(index + 1)" }

    static func groupID(forSmallestQuoteID id: String) -> String { "g-" + id }

    /// Stores the article's quotes and links them; returns the sequences of other articles
    /// whose quotes changed group.
    /// `speakerIDs`: the entity ID each speaker name resolved to (`EntityMentions.add`).
    /// Renderings of one utterance are reported around the same time: candidates are the
    /// speaker's quotes in articles whose event days are at most `maximumDayGap` apart (or
    /// unknown).
    static let maximumDayGap = 7

    static func add(articleSequence: Int64, articleID: String, quotes: [Quote], speakerIDs: [String: String] = [:],
                    eventDay: Int? = nil, db: Database) throws -> Set<Int64> {
        var changed = Set<Int64>()
        for (index, quote) in quotes.enumerated() {
            let id = quoteID(articleID: articleID, index: index)
            let speakerID = quote.speaker.map { speakerIDs[$0] ?? EntityIdentifier.id(name: $0, type: .person) }
            try db.execute(sql: """
                INSERT INTO quote(id, article_seq, idx, speaker, speaker_id, speaker_text, cue, span_start, span_end,
                                  text, group_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, articleSequence, index, quote.speaker, speakerID, quote.speakerText, quote.cue,
                                quote.span.start, quote.span.end, quote.text, groupID(forSmallestQuoteID: id)])
            guard let speaker = quote.speaker else { continue }
            let candidates = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT q.id, q.text FROM quote q LEFT JOIN article_signature s ON s.seq = q.article_seq
                WHERE q.speaker = ? COLLATE NOCASE AND q.article_seq != ?
                AND (? IS NULL OR s.event_day IS NULL OR s.event_day BETWEEN ? AND ?)
                ORDER BY q.rowid DESC LIMIT ?
                """), arguments: [speaker, articleSequence, eventDay, (eventDay ?? 0) - maximumDayGap,
                                   (eventDay ?? 0) + maximumDayGap, maximumCandidates])
            var linked = false
            for row in candidates {
                let other: String = row[0]
                if QuoteGrouping.sameUtterance(speaker: speaker, text: quote.text, speaker: speaker, text: row[1]) {
                    try db.execute(sql: "INSERT OR IGNORE INTO quote_link(a, b) VALUES (?, ?)",
                                   arguments: [min(id, other), max(id, other)])
                    linked = true
                }
            }
            if linked { changed.formUnion(try relabel(componentOf: id, db: db)) }
        }
        changed.remove(articleSequence)
        return changed
    }

    /// Before an article is deleted: the quotes linked to its quotes, to relabel after.
    static func neighbours(ofArticle sequence: Int64, db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT l.b FROM quote_link l JOIN quote q ON q.id = l.a WHERE q.article_seq = ?
            UNION SELECT l.a FROM quote_link l JOIN quote q ON q.id = l.b WHERE q.article_seq = ?
            """, arguments: [sequence, sequence])
    }

    /// Names the component of `quoteID` after its smallest quote ID; returns the sequences
    /// of the articles whose quotes were renamed.
    @discardableResult
    static func relabel(componentOf quoteID: String, db: Database) throws -> Set<Int64> {
        var component: Set<String> = [quoteID]
        var frontier = [quoteID]
        while let next = frontier.popLast() {
            let linked = try String.fetchAll(db.cachedStatement(sql: """
                SELECT b FROM quote_link WHERE a = ? UNION SELECT a FROM quote_link WHERE b = ?
                """), arguments: [next, next])
            for neighbour in linked where component.insert(neighbour).inserted { frontier.append(neighbour) }
        }
        guard let smallest = component.min() else { return [] }
        let group = groupID(forSmallestQuoteID: smallest)
        let members = Array(component)
        var values: [(any DatabaseValueConvertible)?] = [group]
        values += members.map { $0 }
        values.append(group)
        return Set(try Int64.fetchAll(db, sql: """
            UPDATE quote SET group_id = ? WHERE id IN (\(databaseQuestionMarks(count: members.count)))
            AND group_id != ? RETURNING article_seq
            """, arguments: StatementArguments(values)))
    }

    /// Quote rows for articles stored before quote groups existed.
    static func backfill(db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT seq, id, analysis FROM article ORDER BY seq")
        for row in rows {
            let analysis = try StoredAnalysis.decode(row[2])
            let speakerIDs = try EntityMentions.add(articleSequence: row[0], entities: analysis.entities, db: db)
            _ = try add(articleSequence: row[0], articleID: row[1], quotes: analysis.quotes, speakerIDs: speakerIDs, db: db)
        }
    }

    /// The group of each of an article's quotes, in order.
    static func groups(ofArticle sequence: Int64, db: Database) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT group_id FROM quote WHERE article_seq = ? ORDER BY idx"),
                            arguments: [sequence])
    }
}
