/// What the server calls for each complete request. The event loop asks where the request
/// should run, then runs `respond` there. `respond` never throws: errors are already problems.
public protocol HTTPResponder: Sendable {
    func execution(for request: HTTPRequest) -> RouteExecution
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A step around the handler: sees the request on the way in and the response on the way out.
public protocol HTTPMiddleware: Sendable {
    func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse
}
