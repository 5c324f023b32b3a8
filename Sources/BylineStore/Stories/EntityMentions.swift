import BylineAnalysis
import Foundation
import GRDB

/// Entities across articles. Each article's entities (already resolved within the article
/// by the analyzer: "Putin" is Vladimir Putin there) are stored per article under their ID
/// (`EntityIdentifier`: type and canonical name), so an entity's articles, mentions,
/// aliases and roles are aggregates over its rows.
///
/// Across articles, a person named by one word in one article ("Ushakov") is the person of
/// that surname named in full elsewhere, when exactly one such person is stored.
enum EntityMentions {
    /// Stores the article's entities; returns the ID each name resolved to.
    @discardableResult
    /// `schemaV5: false` for the v4 migration's backfill: before `surname` and `person_name`
    /// exist, names resolve by a scan, as they did then (v5 fills the names table).
    static func add(articleSequence: Int64, entities: [Entity], schemaV5: Bool = true, db: Database) throws -> [String: String] {
        var ids: [String: String] = [:]
        for entity in entities {
            let id = schemaV5 ? try resolvedID(of: entity, db: db) : try resolvedIDByScan(of: entity, db: db)
            ids[entity.name] = id
            guard schemaV5 else {
                try db.execute(sql: """
                    INSERT INTO entity_mention(entity_id, article_seq, name, type, mentions, aliases, roles)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(entity_id, article_seq) DO UPDATE SET mentions = mentions + excluded.mentions
                    """, arguments: [id, articleSequence, entity.name, entity.type.rawValue, max(1, entity.spans.count),
                                     try json(entity.aliases), try json(entity.roles)])
                continue
            }
            // Cached statements on the ingest path: preparing one per row (GRDB's plain
            // `execute(sql:)`) was a measurable part of the serial writer.
            try db.cachedStatement(sql: """
                INSERT INTO entity_mention(entity_id, article_seq, name, type, mentions, aliases, roles, surname)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(entity_id, article_seq) DO UPDATE SET mentions = mentions + excluded.mentions
                """).execute(arguments: [id, articleSequence, entity.name, entity.type.rawValue, max(1, entity.spans.count),
                                 try json(entity.aliases), try json(entity.roles),
                                 surname(ofName: entity.name, type: entity.type)])
        }
        return ids
    }

    /// The stored ID this article's entity joins.
    static func resolvedID(of entity: Entity, db: Database) throws -> String {
        let own = EntityIdentifier.id(name: entity.name, type: entity.type)
        guard entity.type == .person, !entity.name.contains(" ") else { return own }
        // `person_name` holds each distinct full name once per surname (schema v5), so this is
        // one index range, not a scan of every mention.
        let fullNames = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM person_name WHERE surname = ? LIMIT 2"),
                                            arguments: [entity.name])
        return fullNames.count == 1 ? EntityIdentifier.id(name: fullNames[0], type: .person) : own
    }

    /// `resolvedID` without `person_name`: every mention of the surname is scanned.
    static func resolvedIDByScan(of entity: Entity, db: Database) throws -> String {
        let own = EntityIdentifier.id(name: entity.name, type: entity.type)
        guard entity.type == .person, !entity.name.contains(" ") else { return own }
        let fullNames = try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT name FROM entity_mention WHERE type = 'person' AND name LIKE '% ' || ? ESCAPE '\\'
            """), arguments: [entity.name.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")])
            .filter { $0.split(separator: " ").last.map(String.init) == entity.name }
        return fullNames.count == 1 ? EntityIdentifier.id(name: fullNames[0], type: .person) : own
    }

    /// The last word of a person's name of several words: what a lone surname elsewhere
    /// is matched against. Nil for one-word names and for other types.
    static func surname(ofName name: String, type: EntityType) -> String? {
        guard type == .person, name.contains(" ") else { return nil }
        return name.split(separator: " ").last.map(String.init)
    }

    /// Fills `entity_mention.surname` (and through its trigger, `person_name`) for rows
    /// stored before schema v5.
    static func backfillSurnames(db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT entity_id, article_seq, name FROM entity_mention WHERE type = 'person'")
        for row in rows {
            guard let surname = surname(ofName: row[2], type: .person) else { continue }
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
