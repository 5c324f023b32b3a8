import BylineAnalysis
import Foundation

/// The per-article analysis as the `analysis` column holds it.
struct StoredAnalysis: Codable, Equatable {
    var quotes: [Quote]
    var entities: [Entity]
    var dates: [DateMention]

    init(quotes: [Quote], entities: [Entity], dates: [DateMention] = []) {
        self.quotes = quotes
        self.entities = entities
        self.dates = dates
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        quotes = try container.decode([Quote].self, forKey: .quotes)
        entities = try container.decode([Entity].self, forKey: .entities)
        // Rows analysed before dates were resolved have none.
        dates = try container.decodeIfPresent([DateMention].self, forKey: .dates) ?? []
    }

    func json() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> StoredAnalysis {
        try JSONDecoder().decode(StoredAnalysis.self, from: Data(json.utf8))
    }
}
