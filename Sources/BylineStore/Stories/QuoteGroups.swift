import BylineAnalysis
import GRDB

/// Quote groups across articles: quotes that render the same words of the same speaker
/// (`QuoteGrouping.sameUtterance`) are linked when the later one arrives; a group is a
/// connected component of links, named `g-` + its smallest quote ID, so the same corpus in
/// any order gives the same groups. A quote without a named speaker is a group of its own,
/// unless it repeats, word for word, quotes its own article gives to one speaker (`linkCopy`).
///
/// As with stories (`StoryGrouping`), links are not stored, only each quote's group: an
/// arrival compares with one member of a group until it has joined it, and a delete
/// regroups the groups its quotes were in from their remaining members (`regroup`).
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
                    eventDay: Int? = nil, schemaV5: Bool = true, db: Database) throws -> Set<Int64> {
        var changed = Set<Int64>()
        for (index, quote) in quotes.enumerated() {
            let id = quoteID(articleID: articleID, index: index)
            let speakerID = quote.speaker.map { speakerIDs[$0] ?? EntityIdentifier.id(name: $0, type: .person) }
            if schemaV5 {
                try db.cachedStatement(sql: """
                    INSERT INTO quote(id, article_seq, idx, speaker, speaker_id, speaker_text, cue, span_start, span_end,
                                      text, group_id, event_day)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [id, articleSequence, index, quote.speaker, speakerID, quote.speakerText, quote.cue,
                                    quote.span.start, quote.span.end, quote.text, groupID(forSmallestQuoteID: id), eventDay])
            } else {
                // The v4 migration's backfill: `event_day` comes with v5, which fills it from the articles.
                try db.execute(sql: """
                    INSERT INTO quote(id, article_seq, idx, speaker, speaker_id, speaker_text, cue, span_start, span_end,
                                      text, group_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, articleSequence, index, quote.speaker, speakerID, quote.speakerText, quote.cue,
                                    quote.span.start, quote.span.end, quote.text, groupID(forSmallestQuoteID: id)])
            }
            guard let speaker = quote.speaker else { continue }
            changed.formUnion(try link(quote: id, articleSequence: articleSequence, speaker: speaker, text: quote.text,
                                       eventDay: eventDay, db: db))
        }
        if schemaV5 {
            for (index, quote) in quotes.enumerated() where quote.speaker == nil {
                changed.formUnion(try linkCopy(quote: quoteID(articleID: articleID, index: index),
                                               articleSequence: articleSequence, text: quote.text, db: db))
            }
        }
        changed.remove(articleSequence)
        return changed
    }

    /// A quote its article leaves without a named speaker (a headline's, or one given to an
    /// unnamed source: "described as 'very alarming', according to aides") that repeats, word
    /// for word, quotes the same article attributes to one speaker joins their group: the
    /// same words, rendered again. Decided within one article, so arrival order does not
    /// matter; copies that name different speakers decide nothing.
    static func linkCopy(quote id: String, articleSequence: Int64, text: String, db: Database) throws -> Set<Int64> {
        let attributed = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT speaker, text, group_id FROM quote WHERE article_seq = ? AND speaker IS NOT NULL
            """), arguments: [articleSequence])
        let copies = attributed.filter { QuoteGrouping.sameWords($0[1], text) }
        guard !copies.isEmpty, Set(copies.map { ($0[0] as String).lowercased() }).count == 1 else { return [] }
        return try merge(quote: id, into: Set(copies.map { $0[2] as String }), db: db)
    }

    /// Compares a stored quote with its candidates and merges its group with every group
    /// one of them renders the same utterance in; returns the sequences of the articles
    /// whose quotes changed group.
    static func link(quote id: String, articleSequence: Int64, speaker: String, text: String, eventDay: Int?,
                     db: Database) throws -> Set<Int64> {
        let own = try String.fetchOne(db.cachedStatement(sql: "SELECT group_id FROM quote WHERE id = ?"), arguments: [id])
        var joined: Set<String> = []
        // A much-reported quote recurs word for word in many articles: the decision is made
        // once per distinct text, and holds for every candidate with that text.
        var decided: [String: Bool] = [:]
        for row in try candidates(speaker: speaker, articleSequence: articleSequence, eventDay: eventDay, db: db) {
            let group: String = row[1]
            if group == own || joined.contains(group) { continue }
            let other: String = row[0]
            let same = decided[other] ?? {
                let same = QuoteGrouping.sameUtterance(speaker: speaker, text: text, speaker: speaker, text: other)
                decided[other] = same
                return same
            }()
            if same { joined.insert(group) }
        }
        return joined.isEmpty ? [] : try merge(quote: id, into: joined, db: db)
    }

    /// After an article's quotes are deleted: each of `groups` may fall apart. Its remaining
    /// quotes start as groups of their own and are linked again, in the order they were
    /// stored; returns the sequences of the articles whose quotes changed group.
    static func regroup(_ groups: Set<String>, db: Database) throws -> Set<Int64> {
        var changed = Set<Int64>()
        for group in groups.sorted() {
            let members = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, article_seq, speaker, text, event_day FROM quote WHERE group_id = ? ORDER BY rowid
                """), arguments: [group])
            for member in members {
                try db.execute(sql: "UPDATE quote SET group_id = ? WHERE id = ?",
                               arguments: [groupID(forSmallestQuoteID: member[0]), member[0] as String])
            }
            for member in members {
                guard let speaker = member[2] as String? else { continue }
                _ = try link(quote: member[0], articleSequence: member[1], speaker: speaker, text: member[3],
                             eventDay: member[4], db: db)
            }
            for member in members where member[2] as String? == nil {
                _ = try linkCopy(quote: member[0], articleSequence: member[1], text: member[3], db: db)
            }
            let ids = members.map { $0[0] as String }
            guard !ids.isEmpty else { continue }
            var values: [(any DatabaseValueConvertible)?] = ids.map { $0 }
            values.append(group)
            changed.formUnion(try Int64.fetchAll(db, sql: """
                SELECT article_seq FROM quote WHERE id IN (\(databaseQuestionMarks(count: ids.count))) AND group_id != ?
                """, arguments: StatementArguments(values)))
        }
        return changed
    }

    /// The (text, group) of the speaker's quotes in other articles whose event days are at
    /// most `maximumDayGap` from `eventDay`, or unknown; all of the speaker's quotes when
    /// `eventDay` is unknown. The newest `maximumCandidates` quotes, each pair once: a
    /// much-reported quote recurs word for word, and which groups an arrival joins depends
    /// only on the pairs. Each branch is a range of the covering index `quote_candidates`
    /// (schema v7), so the cost follows the speaker's quotes in that fortnight, and no
    /// quote's row is visited.
    static func candidates(speaker: String, articleSequence: Int64, eventDay: Int?, db: Database) throws -> [Row] {
        guard let eventDay else {
            return try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT text, group_id FROM (
                    SELECT text, group_id FROM quote WHERE speaker = ? COLLATE NOCASE AND article_seq != ?
                    ORDER BY rowid DESC LIMIT ?)
                """), arguments: [speaker, articleSequence, maximumCandidates])
        }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT text, group_id FROM (
                SELECT text, group_id FROM (
                    SELECT rowid, text, group_id, article_seq FROM quote
                    WHERE speaker = ? COLLATE NOCASE AND event_day BETWEEN ? AND ?
                    UNION ALL
                    SELECT rowid, text, group_id, article_seq FROM quote
                    WHERE speaker = ? COLLATE NOCASE AND event_day IS NULL)
                WHERE article_seq != ? ORDER BY rowid DESC LIMIT ?)
            """), arguments: [speaker, eventDay - maximumDayGap, eventDay + maximumDayGap, speaker,
                              articleSequence, maximumCandidates])
    }

    /// Merges a quote's group with `groups`: the union is named after its smallest quote
    /// ID, the smallest of their labels. Groups are connected components and every quote
    /// carries its group's label, so no walk of links is needed. Returns the sequences of
    /// the articles whose quotes were renamed.
    static func merge(quote id: String, into groups: Set<String>, db: Database) throws -> Set<Int64> {
        let own = try String.fetchOne(db.cachedStatement(sql: "SELECT group_id FROM quote WHERE id = ?"), arguments: [id])
            ?? groupID(forSmallestQuoteID: id)
        let all = groups.union([own])
        guard let group = all.min() else { return [] }
        let others = Array(all.subtracting([group]))
        guard !others.isEmpty else { return [] }
        var values: [(any DatabaseValueConvertible)?] = [group]
        values += others.map { $0 }
        return Set(try Int64.fetchAll(db, sql: """
            UPDATE quote SET group_id = ? WHERE group_id IN (\(databaseQuestionMarks(count: others.count))) RETURNING article_seq
            """, arguments: StatementArguments(values)))
    }

    /// Quote rows for articles stored before quote groups existed: the v4 migration, so with
    /// that schema's columns (`schemaV5: false`).
    static func backfill(db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT seq, id, analysis FROM article ORDER BY seq")
        for row in rows {
            let analysis = try StoredAnalysis.decode(row[2])
            let speakerIDs = try EntityMentions.add(articleSequence: row[0], entities: analysis.entities, schemaV5: false, db: db)
            _ = try add(articleSequence: row[0], articleID: row[1], quotes: analysis.quotes, speakerIDs: speakerIDs,
                        schemaV5: false, db: db)
        }
    }

    /// The group of each of an article's quotes, in order.
    static func groups(ofArticle sequence: Int64, db: Database) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT group_id FROM quote WHERE article_seq = ? ORDER BY idx"),
                            arguments: [sequence])
    }
}
