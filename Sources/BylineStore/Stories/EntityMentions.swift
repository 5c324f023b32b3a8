import BylineAnalysis
import Foundation
import GRDB

/// Entities across articles. Each article's entities (already resolved within the article
/// by the analyzer: "Putin" is Vladimir Putin there) are stored per article under their ID
/// (`EntityIdentifier`: type and canonical name, so "Kiev" and "Kyiv" share one), so an
/// entity's articles, mentions, aliases and roles are aggregates over its rows. An article
/// that uses two spellings of one entity gets one row for it, the other spelling an alias.
///
/// Across articles, a person named by one word in one article ("Ushakov") is the person of
/// that surname named in full elsewhere, when exactly one such person is stored; surnames
/// match across romanisations ("Zelenskiy" finds Volodymyr Zelenskyy).
enum EntityMentions {
    /// One article's row for one entity, as it is being built from the analyzer's entities.
    struct MentionRow {
        var names: [String]
        let type: EntityType
        var mentions: Int
        var aliases: [String]
        var roles: [String]

        init(_ entity: Entity) {
            names = [entity.name]
            type = entity.type
            mentions = max(1, entity.spans.count)
            aliases = entity.aliases
            roles = entity.roles
        }

        mutating func merge(_ other: MentionRow) {
            names += other.names.filter { !names.contains($0) }
            mentions += other.mentions
            aliases += other.aliases.filter { !aliases.contains($0) }
            roles += other.roles.filter { !roles.contains($0) }
        }

        /// The name this article goes by for the entity (`EntityRows.preferredName`).
        var name: String { EntityRows.preferredName(among: names, type: type) }

        /// The article's other names for the entity, the names it merged with included.
        var storedAliases: [String] {
            let name = name
            var result = aliases
            for other in names where !result.contains(other) { result.append(other) }
            return result.filter { $0 != name }
        }
    }

    /// Stores the article's entities; returns the ID each name resolved to.
    /// `schemaV5: false` for the v4 migration's backfill: before `surname` and the surname
    /// table exist, names resolve by a scan, as they did then (v5 and v6 fill the table).
    @discardableResult
    static func add(articleSequence: Int64, entities: [Entity], schemaV5: Bool = true, db: Database) throws -> [String: String] {
        var ids: [String: String] = [:]
        var rows: [String: MentionRow] = [:]
        for entity in entities {
            let id = schemaV5 ? try resolvedID(of: entity, db: db) : try resolvedIDByScan(of: entity, db: db)
            ids[entity.name] = id
            if var row = rows[id] {
                // A second spelling of an entity already stored for this article: one row.
                row.merge(MentionRow(entity))
                rows[id] = row
                try db.execute(sql: "DELETE FROM entity_mention WHERE entity_id = ? AND article_seq = ?",
                               arguments: [id, articleSequence])
                try insert(row, id: id, articleSequence: articleSequence, schemaV5: schemaV5, db: db)
            } else {
                let row = MentionRow(entity)
                rows[id] = row
                try insert(row, id: id, articleSequence: articleSequence, schemaV5: schemaV5, db: db)
            }
        }
        return ids
    }

    private static func insert(_ row: MentionRow, id: String, articleSequence: Int64, schemaV5: Bool, db: Database) throws {
        let name = row.name
        guard schemaV5 else {
            try db.execute(sql: """
                INSERT INTO entity_mention(entity_id, article_seq, name, type, mentions, aliases, roles)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, articleSequence, name, row.type.rawValue, row.mentions,
                                 try json(row.storedAliases), try json(row.roles)])
            return
        }
        // A cached statement on the ingest path: preparing one per row (GRDB's plain
        // `execute(sql:)`) was a measurable part of the serial writer.
        try db.cachedStatement(sql: """
            INSERT INTO entity_mention(entity_id, article_seq, name, type, mentions, aliases, roles, surname)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, articleSequence, name, row.type.rawValue, row.mentions,
                             try json(row.storedAliases), try json(row.roles), surname(ofName: name, type: row.type)])
    }

    /// The stored ID this article's entity joins.
    static func resolvedID(of entity: Entity, db: Database) throws -> String {
        let own = EntityIdentifier.id(name: entity.name, type: entity.type)
        guard entity.type == .person, !entity.name.contains(" ") else { return own }
        // `person_surname` holds each person once per surname (schema v6), so this is one
        // index range, not a scan of every mention.
        let people = try String.fetchAll(db.cachedStatement(sql: "SELECT entity_id FROM person_surname WHERE surname = ? LIMIT 2"),
                                         arguments: [surnameKey(entity.name[...])])
        return people.count == 1 ? people[0] : own
    }

    /// `resolvedID` without the surname table: every mention of the surname is scanned.
    static func resolvedIDByScan(of entity: Entity, db: Database) throws -> String {
        let own = EntityIdentifier.id(name: entity.name, type: entity.type)
        guard entity.type == .person, !entity.name.contains(" ") else { return own }
        let fullNames = try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT name FROM entity_mention WHERE type = 'person' AND name LIKE '% ' || ? ESCAPE '\\'
            """), arguments: [entity.name.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")])
            .filter { $0.split(separator: " ").last.map(String.init) == entity.name }
        return fullNames.count == 1 ? EntityIdentifier.id(name: fullNames[0], type: .person) : own
    }

    /// What a lone surname elsewhere is matched against, for a person's name of several
    /// words: its last word, romanisation folded. Nil for one-word names and for other types.
    static func surname(ofName name: String, type: EntityType) -> String? {
        guard type == .person, name.contains(" "), let last = name.split(separator: " ").last else { return nil }
        return surnameKey(last)
    }

    static func surnameKey(_ word: Substring) -> String {
        RomanizedNameVariants.foldedWord(word)
    }

    /// Fills `entity_mention.surname` (and through its trigger, `person_name`) for rows
    /// stored before schema v5, as v5 defined it: the last word as written.
    static func backfillSurnames(db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT entity_id, article_seq, name FROM entity_mention WHERE type = 'person'")
        for row in rows {
            let name: String = row[2]
            guard name.contains(" "), let surname = name.split(separator: " ").last.map(String.init) else { continue }
            // The insert trigger does not see updates: the names table is filled here.
            try db.execute(sql: "UPDATE entity_mention SET surname = ? WHERE entity_id = ? AND article_seq = ?",
                           arguments: [surname, row[0], row[1]])
            try db.execute(sql: """
                INSERT INTO person_name(surname, name, rows) VALUES (?, ?, 1)
                ON CONFLICT(surname, name) DO UPDATE SET rows = rows + 1
                """, arguments: [surname, row[2]])
        }
    }

    static func json(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }
}
