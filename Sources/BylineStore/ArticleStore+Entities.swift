import BylineAnalysis
import Foundation
import GRDB

/// An entity across the corpus.
public struct EntitySummary: Sendable, Hashable {
    public let id: String
    /// The fullest name the articles give it.
    public let name: String
    public let type: EntityType
    public let aliases: [String]
    /// Roles and titles, each with the articles that gave it.
    public let roles: [String]
    public let articleCount: Int
    public let mentionCount: Int
    public let quoteCount: Int
}

/// An entity and the number of articles of some set that mention it.
public struct EntityCount: Sendable, Hashable {
    public let id: String
    public let name: String
    public let type: EntityType
    public let articleCount: Int
}

public struct EntityDetail: Sendable, Hashable {
    public let summary: EntitySummary
    public let articles: [ArticleSummary]
    public let quotes: [QuoteRecord]
    /// The entities mentioned most often in the same articles.
    public let mentionedWith: [EntityCount]
}

public struct EntityPage: Sendable, Hashable {
    public let entities: [EntitySummary]
    public let next: ArticleCursor?
}

extension ArticleStore {
    /// Entities by article count, then name. `prefix` matches the start of a name or alias.
    /// The cursor is a position in that order.
    public func entities(type: EntityType? = nil, prefix: String? = nil, limit: Int = ArticleQuery.defaultLimit,
                         after: ArticleCursor? = nil) throws -> EntityPage {
        guard ArticleQuery.limits.contains(limit) else { throw StoreError.invalidLimit(limit) }
        var conditions: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        if let type { conditions.append("type = ?"); values.append(type.rawValue) }
        if let prefix {
            let escaped = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            // Another whole spelling of a place finds it even when no article used that
            // spelling: "Kyiv" finds the entity whose articles all say "Kiev" (its ID is Kyiv's).
            var variantIDs: [String] = []
            if PlaceNameVariants.canonicalName(of: prefix) != nil {
                variantIDs = [EntityType.location, .organization].filter { type == nil || type == $0 }
                    .map { EntityIdentifier.id(name: prefix, type: $0) }
            }
            conditions.append(#"(name LIKE ? || '%' ESCAPE '\' OR aliases LIKE '%"' || ? || '%' ESCAPE '\'"#
                              + String(repeating: " OR entity_id = ?", count: variantIDs.count) + ")")
            values += [escaped, escaped] + variantIDs
        }
        let offset = Int(after?.afterSequence ?? 0)
        values += [limit + 1, offset]
        let sql = """
            SELECT entity_id FROM entity_mention \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            GROUP BY entity_id ORDER BY COUNT(*) DESC, MAX(name), entity_id LIMIT ? OFFSET ?
            """
        return try writer.read { db in
            let ids = try String.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(values))
            let page = try ids.prefix(limit).compactMap { try EntityRows.summary(db, id: $0) }
            let next = ids.count > limit ? ArticleCursor(afterSequence: Int64(offset + limit)) : nil
            return EntityPage(entities: page, next: next)
        }
    }

    public func entity(id: String) throws -> EntityDetail? {
        try writer.read { db in
            guard let summary = try EntityRows.summary(db, id: id) else { return nil }
            let articles = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(ArticleRows.summaryColumns) FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
                WHERE a.seq IN (SELECT article_seq FROM entity_mention WHERE entity_id = ?) ORDER BY a.seq LIMIT 200
                """), arguments: [id]).map(ArticleRows.summary(from:))
            let quotes = try Row.fetchAll(db.cachedStatement(sql: "\(QuoteRows.select) WHERE q.speaker_id = ? ORDER BY q.rowid LIMIT 200"),
                                          arguments: [id]).map(QuoteRows.record)
            let co = try EntityRows.counts(db, inArticles: "SELECT article_seq FROM entity_mention WHERE entity_id = ?",
                                           arguments: [id], excluding: id, top: 10)
            return EntityDetail(summary: summary, articles: articles, quotes: quotes, mentionedWith: co)
        }
    }
}

enum EntityRows {
    /// The entities mentioned in a set of articles (`inArticles` selects their sequences),
    /// most widely mentioned first: a story's top entities, an entity's co-mentions.
    static func counts(_ db: Database, inArticles articles: String, arguments: StatementArguments,
                       excluding excluded: String? = nil, top: Int) throws -> [EntityCount] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT entity_id, MAX(name), MAX(type), COUNT(*) AS n FROM entity_mention
            WHERE article_seq IN (\(articles)) AND entity_id IS NOT ?
            GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ?
            """), arguments: arguments + [excluded, top]).map { row in
            EntityCount(id: row[0], name: row[1], type: EntityType(rawValue: row[2]) ?? .person, articleCount: row[3])
        }
    }

    /// The name an entity goes by, among the names its articles used; the others are its
    /// aliases. A place goes by its canonical spelling (`PlaceNameVariants`) when an article
    /// used it, so "Kyiv" once used outranks "Kiev" however often; otherwise, and for people,
    /// the fullest name ("Yuri Ushakov" over "Ushakov"), then the first in code-point order,
    /// so arrival order never matters.
    static func preferredName(among names: [String], type: EntityType) -> String {
        var candidates = Set(names)
        if type != .person {
            let canonical = candidates.filter { PlaceNameVariants.isCanonicalSpelling($0) }
            if !canonical.isEmpty { candidates = canonical }
        }
        return candidates.max { ($0.count, $1) < ($1.count, $0) } ?? names[0]
    }

    static func summary(_ db: Database, id: String) throws -> EntitySummary? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT name, type, mentions, aliases, roles FROM entity_mention WHERE entity_id = ? ORDER BY article_seq
            """), arguments: [id])
        guard !rows.isEmpty else { return nil }
        var names: [String] = [], aliases = Set<String>(), roles = Set<String>(), mentions = 0
        let decoder = JSONDecoder()
        for row in rows {
            names.append(row[0])
            mentions += row[2] as Int
            aliases.formUnion(try decoder.decode([String].self, from: Data((row[3] as String).utf8)))
            roles.formUnion(try decoder.decode([String].self, from: Data((row[4] as String).utf8)))
        }
        let type = EntityType(rawValue: rows[0][1]) ?? .person
        let name = preferredName(among: names, type: type)
        aliases.formUnion(names)
        aliases.remove(name)
        let quoteCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM quote WHERE speaker_id = ?"),
                                          arguments: [id]) ?? 0
        return EntitySummary(id: id, name: name, type: type,
                             aliases: aliases.sorted(), roles: roles.sorted(), articleCount: rows.count,
                             mentionCount: mentions, quoteCount: quoteCount)
    }
}
