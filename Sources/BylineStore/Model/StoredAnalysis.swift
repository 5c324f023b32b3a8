import BylineAnalysis
import Foundation

/// The per-article analysis as the `analysis` column holds it.
struct StoredAnalysis: Codable, Equatable {
    var quotes: [Quote]
    var entities: [Entity]

    func json() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> StoredAnalysis {
        try JSONDecoder().decode(StoredAnalysis.self, from: Data(json.utf8))
    }
}
