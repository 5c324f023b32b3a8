import BylineHTTP
import Foundation
import Logging

/// A real `HTTPServer` on an ephemeral loopback port with a small router for HTTP-level
/// tests. Stopped by `stop()`; each test gets its own.
final class TestServer: Sendable {
    let server: HTTPServer
    var port: Int { server.port }

    init(limits: ServerLimits = ServerLimits(), loops: Int = 1, tls: TLSConfiguration? = nil,
         middleware: [any HTTPMiddleware] = HTTPApplication.standardMiddleware(),
         configure: (inout RouterBuilder) -> Void = TestServer.standardRoutes) throws {
        var router = RouterBuilder()
        configure(&router)
        var configuration = HTTPServer.Configuration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.limits = limits
        configuration.eventLoopCount = loops
        configuration.accessLog = false
        configuration.tls = tls
        let app = HTTPApplication(router: router.freeze(), middleware: middleware, logger: Logger(label: "test"))
        server = HTTPServer(configuration: configuration, responder: app, logger: Logger(label: "test"))
        try server.start()
    }

    func stop() {
        server.shutdown()
        server.waitUntilStopped()
    }

    func connect(timeoutMs: Int = 5000) throws -> RawConnection {
        try RawConnection(port: port, timeoutMs: timeoutMs)
    }

    static let largeJSON: String = "[" + (0..<400).map { "{\"n\":\($0),\"text\":\"repeated words compress well\"}" }.joined(separator: ",") + "]"

    struct Boom: Error {}

    static func standardRoutes(_ router: inout RouterBuilder) {
        router.get("/hello", execution: .eventLoop) { _ in .text("hello") }
        router.get("/json") { _ in .json(Array("{\"ok\":true}".utf8)) }
        router.get("/large") { _ in .json(Array(largeJSON.utf8)) }
        router.post("/echo") { request in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        router.delete("/items/{id}") { request in .text("deleted \(request.pathParameters["id"] ?? "")") }
        router.get("/items/{id}") { request in .text("item \(request.pathParameters["id"] ?? "")") }
        router.get("/boom") { _ in throw Boom() }
        router.get("/slow") { _ in
            usleep(300_000)
            return .text("slow")
        }
    }
}
