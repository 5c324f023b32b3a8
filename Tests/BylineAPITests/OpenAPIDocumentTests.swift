import BylineAPI
import BylineHTTP
import Foundation
import Testing

/// The served OpenAPI document and the live routing table describe the same API.
struct OpenAPIDocumentTests {
    func document() throws -> [String: Any] {
        let harness = try APIHarness()
        let response = try harness.send(.get, "/openapi.json")
        #expect(response.headers["Content-Type"] == "application/json")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func everyRouteIsDocumentedAndNothingElse() throws {
        let doc = try document()
        #expect(doc["openapi"] as? String == "3.1.0")
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] where item[method] != nil {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let served = Set(try APIHarness().router.routes.map { "\($0.method) \($0.pattern)" })
        #expect(documented == served)
    }

    @Test func everyReferenceResolves() throws {
        let text = String(decoding: try APIHarness().send(.get, "/openapi.json").body, as: UTF8.self)
        let doc = try document()
        let components = try #require(doc["components"] as? [String: [String: Any]])
        let refs = text.components(separatedBy: "\"$ref\": \"#/components/").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
        #expect(!refs.isEmpty)
        for ref in refs {
            let parts = ref.split(separator: "/").map(String.init)
            #expect(components[parts[0]]?[parts[1]] != nil, "unresolved $ref \(ref)")
        }
    }
}
