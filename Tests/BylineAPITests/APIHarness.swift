import BylineAPI
import BylineHTTP
import BylineStore
import Foundation

/// The API's routes against an in-memory store, called the way the server calls them:
/// match the route, bind its parameters, run its handler. Errors come back as thrown, so
/// tests can check the problem each one maps to.
struct APIHarness {
    let store: ArticleStore
    let router: Router

    init() throws {
        try self.init(store: ArticleStore.inMemory())
    }

    init(store: ArticleStore) {
        self.store = store
        var builder = RouterBuilder()
        BylineAPI(store: store, version: "test-1").register(into: &builder)
        router = builder.freeze()
    }

    struct NoRoute: Error { let method: HTTPMethod; let path: String }

    func route(_ method: HTTPMethod, _ target: String) throws -> Route {
        let path = HTTPRequest(head: HTTPRequestHead(method: method, target: target, version: .http1_1, headers: [:])).path
        guard case .found(let route, _) = router.match(method, path: path) else { throw NoRoute(method: method, path: path) }
        return route
    }

    func send(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: [UInt8] = []) throws -> HTTPResponse {
        var request = HTTPRequest(head: HTTPRequestHead(method: method, target: target, version: .http1_1, headers: headers),
                                  body: body)
        guard case .found(let route, let parameters) = router.match(method, path: request.path) else {
            throw NoRoute(method: method, path: request.path)
        }
        request.pathParameters = parameters
        request.routePattern = route.pattern
        return try route.handler(request)
    }

    func postText(_ text: String, contentType: String = "text/plain") throws -> HTTPResponse {
        try send(.post, "/v1/articles", headers: ["Content-Type": contentType], body: Array(text.utf8))
    }

    func postJSON(_ object: [String: Any]) throws -> HTTPResponse {
        let body = try JSONSerialization.data(withJSONObject: object)
        return try send(.post, "/v1/articles", headers: ["Content-Type": "application/json"], body: Array(body))
    }

    /// The problem a request fails with; nil if it succeeds.
    func problem(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: [UInt8] = []) -> Problem? {
        do {
            _ = try send(method, target, headers: headers, body: body)
            return nil
        } catch {
            return ProblemMapper.problem(for: error)
        }
    }

    func problemPosting(_ body: [UInt8], contentType: String?) -> Problem? {
        var headers = HTTPHeaders()
        if let contentType { headers.add("Content-Type", contentType) }
        return problem(.post, "/v1/articles", headers: headers, body: body)
    }

    static func json(_ response: HTTPResponse) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw NoRoute(method: .get, path: "body is not a JSON object")
        }
        return object
    }

    static let paragraphs = """
        The city council voted on the budget plan late on Tuesday evening.

        Members said the plan would be reviewed again next month, officials said.
        """

    static func article(_ number: Int, outlet: String? = nil, published: String? = nil) -> String {
        var text = "Council votes on plan number \(number)\n"
        if let published { text += "Published: \(published)\n" }
        text += "\nThe city council voted on plan number \(number) late on Tuesday evening.\n\n"
        text += "Members said the plan would be reviewed again next month, officials said."
        if let outlet { text += "\n\nSOURCE: \(outlet)" }
        return text
    }

    static let seedsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
}
