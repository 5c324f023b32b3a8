import BylineAnalysis
import Foundation
import GRDB

extension EntityMentions {
    /// Moves stored entity rows to the IDs the current identity rules give them
    /// (`EntityIdentifier`), for a database written under older rules: "Kiev" rows join
    /// "Kyiv", a lone surname follows the full name it had resolved to, two spellings in one
    /// article become one row, quotes follow their speakers, and surname keys are re-folded.
    /// Run by a migration with no trigger on `entity_mention` (the caller refills the surname
    /// table afterwards). A later change to the variant tables needs a new migration that
    /// runs this again.
    static func rekey(db: Database) throws {
        // An ID moves where the rows that named themselves by it now go: the row that
        // gave "location-kiev" its name says it is "location-kyiv" now.
        var moves: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT entity_id, name, type FROM entity_mention")
        while let row = try rows.next() {
            let id: String = row[0], name: String = row[1]
            guard let type = EntityType(rawValue: row[2]) else { continue }
            let current = EntityIdentifier.id(name: name, type: type)
            guard current != id, id == OutletSlug.slug(for: type.rawValue + " " + name) else { continue }
            moves[id] = min(moves[id] ?? current, current)
        }
        for (old, new) in moves.sorted(by: { $0.key < $1.key }) {
            try move(from: old, to: new, db: db)
        }
        try refoldSurnames(db: db)
    }

    private static func move(from old: String, to new: String, db: Database) throws {
        let select = "SELECT article_seq, name, type, mentions, aliases, roles FROM entity_mention WHERE entity_id = ?"
        for row in try Row.fetchAll(db, sql: select, arguments: [old]) {
            let sequence: Int64 = row[0]
            var merged = try storedRow(row)
            if let existing = try Row.fetchOne(db, sql: select + " AND article_seq = ?", arguments: [new, sequence]) {
                merged.merge(try storedRow(existing))
                try db.execute(sql: "DELETE FROM entity_mention WHERE entity_id = ? AND article_seq = ?",
                               arguments: [new, sequence])
            }
            try db.execute(sql: "DELETE FROM entity_mention WHERE entity_id = ? AND article_seq = ?",
                           arguments: [old, sequence])
            let name = merged.name
            try db.execute(sql: """
                INSERT INTO entity_mention(entity_id, article_seq, name, type, mentions, aliases, roles, surname)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [new, sequence, name, merged.type.rawValue, merged.mentions,
                                 try json(merged.storedAliases), try json(merged.roles),
                                 surname(ofName: name, type: merged.type)])
        }
        try db.execute(sql: "UPDATE quote SET speaker_id = ? WHERE speaker_id = ?", arguments: [new, old])
    }

    /// A stored row as the row `add` would build for it.
    private static func storedRow(_ row: Row) throws -> MentionRow {
        let decoder = JSONDecoder()
        var entity = Entity(name: row[1], type: EntityType(rawValue: row[2]) ?? .person,
                            aliases: try decoder.decode([String].self, from: Data((row[4] as String).utf8)),
                            roles: try decoder.decode([String].self, from: Data((row[5] as String).utf8)))
        entity.aliases.removeAll { $0 == entity.name }
        var mention = MentionRow(entity)
        mention.mentions = row[3]
        return mention
    }

    /// Surname keys as `surname(ofName:type:)` gives them now (romanisation folded).
    private static func refoldSurnames(db: Database) throws {
        // Collected first: a table is not written while a statement still reads it.
        var changes: [(key: String?, id: String, sequence: Int64)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT entity_id, article_seq, name, surname FROM entity_mention WHERE type = 'person'")
        while let row = try rows.next() {
            let key = surname(ofName: row[2], type: .person)
            if key != row[3] as String? { changes.append((key, row[0], row[1])) }
        }
        for change in changes {
            try db.execute(sql: "UPDATE entity_mention SET surname = ? WHERE entity_id = ? AND article_seq = ?",
                           arguments: [change.key, change.id, change.sequence])
        }
    }
}
