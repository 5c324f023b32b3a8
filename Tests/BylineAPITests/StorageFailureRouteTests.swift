import BylineAPI
import BylineHTTP
import BylineStore
import Foundation
import Testing

@Suite("A full store: writes get 503, reads go on")
struct StorageFailureRouteTests {
    @Test("past the store's size cap, POST answers 503 storage-unavailable with Retry-After; stored articles are still served")
    func fullStoreRefusesWritesServesReads() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("byline-full-\(UUID().uuidString)/db.sqlite").path
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let emptyBytes = try FileManager.default.attributesOfItem(atPath: { _ = try ArticleStore(path: path); return path }())[.size] as? Int ?? 0
        let api = APIHarness(store: try ArticleStore(path: path, maxDatabaseBytes: emptyBytes + 160 * 1024))
        var stored: [String] = []
        var refusal: Problem?
        for number in 1...500 where refusal == nil {
            let text = APIHarness.article(number) + String(repeating: "\nAnother line of article \(number).", count: 60)
            do {
                stored.append(try #require(APIHarness.json(api.postText(text))["id"] as? String))
            } catch {
                refusal = ProblemMapper.problem(for: error)
            }
        }
        let problem = try #require(refusal, "the cap was never reached")
        #expect(problem.status == .serviceUnavailable)
        #expect(problem.slug == "storage-unavailable")
        #expect(problem.headers["Retry-After"] == "30")
        #expect(!stored.isEmpty)
        for id in Set(stored) {
            #expect(try api.send(.get, "/v1/articles/\(id)").status == .ok)
        }
        #expect(try api.send(.get, "/v1/articles?limit=200").status == .ok)
    }
}
