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
    static func add(articleSequence: Int64, entities: [Entity], db: Database) throws -> [String: String] {
        var ids: [String: String] = [:]
        for entity in entities {
            let id = try resolvedID(of: entity, db: db)
            ids[entity.name] = id
            try db.execute(sql: """
                INSERT INTO entity_mention(entity_id, article_seq, name, type, mentions, aliases, roles)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(entity_id, article_seq) DO UPDATE SET mentions = mentions + excluded.mentions
                """, arguments: [id, articleSequence, entity.name, entity.type.rawValue, max(1, entity.spans.count),
                                 try json(entity.aliases), try json(entity.roles)])
        }
        return ids
    }

    /// The stored ID this article's entity joins.
    static func resolvedID(of entity: Entity, db: Database) throws -> String {
        let own = EntityIdentifier.id(name: entity.name, type: entity.type)
        guard entity.type == .person, !entity.name.contains(" ") else { return own }
        let fullNames = try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT name FROM entity_mention WHERE type = 'person' AND name LIKE '% ' || ? ESCAPE '\\'
            """), arguments: [entity.name.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")])
            .filter { $0.split(separator: " ").last.map(String.init) == entity.name }
        return fullNames.count == 1 ? EntityIdentifier.id(name: fullNames[0], type: .person) : own
    }

    static func json(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }
}
