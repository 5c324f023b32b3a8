import BylineHTTP
import Foundation
import Glibc
import Testing

/// The real server on an ephemeral port, spoken to over real sockets with raw bytes.
@Suite struct HTTPServerIntegrationTests {
    func withServer(limits: ServerLimits = ServerLimits(), loops: Int = 1,
                    _ body: (TestServer) throws -> Void) throws {
        let server = try TestServer(limits: limits, loops: loops)
        defer { server.stop() }
        try body(server)
    }

    @Test func persistentConnectionServesSeveralRequests() throws {
        try withServer { server in
            let c = try server.connect()
            for _ in 0..<3 {
                c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let r = try c.readResponse()
                #expect(r.status == 200)
                #expect(r.bodyText == "hello")
                #expect(r.headers["Connection"] == nil)
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try c.readResponse().bodyText == "slow")
            #expect(try c.readResponse().bodyText == "item 2")
            #expect(try c.readResponse().bodyText == "hello")
        }
    }

    @Test func standardHeadersOnEveryResponse() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            let r = try c.readResponse()
            #expect(r.headers["Server"] == "byline")
            #expect(r.headers["Date"]?.hasSuffix(" GMT") == true)
            #expect((r.headers["X-Request-Id"]?.count ?? 0) > 2)
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Request-Id: trace-42\r\n\r\n")
            #expect(try c.readResponse().headers["X-Request-Id"] == "trace-42")
        }
    }

    @Test func http10IsClosedUnlessKeepAlive() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /hello HTTP/1.0\r\n\r\n")
            let r = try c.readResponse()
            #expect(r.status == 200)
            #expect(r.headers["Connection"] == "close")
            #expect(c.closedByPeer())

            let k = try server.connect()
            k.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try k.readResponse().headers["Connection"] == "keep-alive")
            k.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try k.readResponse().status == 200)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            #expect(try c.readResponse().headers["Connection"] == "close")
            #expect(c.closedByPeer())
        }
    }

    @Test func headHasGetHeadersWithoutBody() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /json HTTP/1.1\r\nHost: t\r\n\r\n")
            let get = try c.readResponse()
            c.send("HEAD /json HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try c.readResponse(forHead: true)
            #expect(head.status == 200)
            #expect(head.headers["Content-Length"] == get.headers["Content-Length"])
            #expect(head.headers["ETag"] == get.headers["ETag"])
            #expect(head.body.isEmpty)
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try c.readResponse().bodyText == "hello", "no stray body bytes after HEAD")
        }
    }

    @Test func optionsAnd404And405() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("OPTIONS /items/7 HTTP/1.1\r\nHost: t\r\n\r\n")
            let o = try c.readResponse()
            #expect(o.status == 204)
            #expect(o.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")

            c.send("POST /items/7 HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n")
            let m = try c.readResponse()
            #expect(m.status == 405)
            #expect(m.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
            #expect(m.headers["Content-Type"] == "application/problem+json")

            c.send("GET /nope HTTP/1.1\r\nHost: t\r\n\r\n")
            let n = try c.readResponse()
            #expect(n.status == 404)
            let problem = try JSONSerialization.jsonObject(with: Data(n.body)) as? [String: Any]
            #expect(problem?["status"] as? Int == 404)
            #expect(problem?["title"] as? String == "Not Found")
            #expect(problem?["instance"] as? String == "/nope")
            #expect((problem?["type"] as? String)?.hasPrefix("https://") == true)
            #expect(problem?["detail"] != nil)
        }
    }

    @Test func unexpectedErrorIsA500ThatLeaksNothing() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /boom HTTP/1.1\r\nHost: t\r\n\r\n")
            let r = try c.readResponse()
            #expect(r.status == 500)
            #expect(r.headers["Content-Type"] == "application/problem+json")
            #expect(!r.bodyText.contains("Boom"))
        }
    }

    @Test func contentLengthAndChunkedBodies() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello")
            #expect(try c.readResponse().bodyText == "hello")
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\nabc\r\n4;name=\"quoted\"\r\ndefg\r\n0\r\nX-Trailer: yes\r\n\r\n")
            #expect(try c.readResponse().bodyText == "abcdefg")
        }
    }

    @Test func expect100Continue() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try c.readResponse()
            #expect(interim.status == 100)
            c.send("data")
            #expect(try c.readResponse().bodyText == "data")
        }
    }

    static let smuggling: [(String, String, Int)] = [
        ("CL and TE", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("duplicate CL", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 400),
        ("non-digit CL", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +3\r\n\r\nabc", 400),
        ("space before colon", "GET /hello HTTP/1.1\r\nHost : t\r\n\r\n", 400),
        ("obs-fold", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\r\n b\r\n\r\n", 400),
        ("NUL in value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u{0}b\r\n\r\n", 400),
        ("bare CR", "GET /hello HTTP/1.1\r\nHost: t\rX: y\r\n\r\n", 400),
        ("bare LF", "GET /hello HTTP/1.1\nHost: t\n\n", 400),
        ("missing Host", "GET /hello HTTP/1.1\r\n\r\n", 400),
        ("duplicate Host", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("chunk size 0x", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n", 400),
        ("chunk size +", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n+3\r\nabc\r\n0\r\n\r\n", 400),
        ("chunk size _", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1_0\r\nabc\r\n0\r\n\r\n", 400),
        ("chunk size empty", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n", 400),
        ("chunk size overflow", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff1\r\nabc\r\n0\r\n\r\n", 400),
        ("TE gzip", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
        ("HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", 505),
    ]

    @Test(arguments: smuggling)
    func framingViolationsGetOneResponseThenClose(_ testCase: (String, String, Int)) throws {
        try withServer { server in
            let c = try server.connect()
            // A valid request first: it is answered, then the bad one, then the connection closes.
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n" + testCase.1 + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try c.readResponse().status == 200, "\(testCase.0)")
            let r = try c.readResponse()
            #expect(r.status == testCase.2, "\(testCase.0)")
            #expect(r.headers["Connection"] == "close", "\(testCase.0)")
            #expect(r.headers["Content-Type"] == "application/problem+json")
            #expect(c.closedByPeer(), "\(testCase.0): no resynchronisation")
        }
    }

    // MARK: - Limits

    @Test func requestLineLimitGives414() throws {
        var limits = ServerLimits()
        limits.maxRequestLineBytes = 64
        try withServer(limits: limits) { server in
            let c = try server.connect()
            c.send("GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try c.readResponse().status == 414)
            #expect(c.closedByPeer())
        }
    }

    @Test func headerBytesAndCountLimitsGive431() throws {
        var limits = ServerLimits()
        limits.maxHeaderBytes = 200
        limits.maxHeaderCount = 5
        try withServer(limits: limits) { server in
            let big = try server.connect()
            big.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "b", count: 300) + "\r\n\r\n")
            #expect(try big.readResponse().status == 431)
            let many = try server.connect()
            many.send("GET /hello HTTP/1.1\r\nHost: t\r\n" + (0..<6).map { "X-\($0): v\r\n" }.joined() + "\r\n")
            #expect(try many.readResponse().status == 431)
        }
    }

    @Test func bodyLimitGives413BeforeTheBodyIsSent() throws {
        var limits = ServerLimits()
        limits.maxBodyBytes = 1000
        try withServer(limits: limits) { server in
            let c = try server.connect()
            // Only the head is sent: the 413 must not wait for a body that never comes.
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000000\r\n\r\n")
            let r = try c.readResponse()
            #expect(r.status == 413)
            #expect(r.headers["Connection"] == "close")
            let chunked = try server.connect()
            chunked.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + String(repeating: "x", count: 2048) + "\r\n")
            #expect(try chunked.readResponse().status == 413)
        }
    }

    @Test func slowHeadGets408() throws {
        var limits = ServerLimits()
        limits.headTimeoutMs = 300
        try withServer(limits: limits) { server in
            let c = try server.connect()
            c.send("GET /hello HTTP/1.1\r\nHo")
            let r = try c.readResponse()
            #expect(r.status == 408)
            #expect(c.closedByPeer())
        }
    }

    @Test func slowBodyGets408() throws {
        var limits = ServerLimits()
        limits.bodyReadTimeoutMs = 300
        try withServer(limits: limits) { server in
            let c = try server.connect()
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try c.readResponse().status == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        var limits = ServerLimits()
        limits.keepAliveIdleTimeoutMs = 300
        try withServer(limits: limits) { server in
            let c = try server.connect()
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try c.readResponse().status == 200)
            let start = Date()
            #expect(c.closedByPeer())
            #expect(Date().timeIntervalSince(start) < 3)
        }
    }

    @Test func requestsPerConnectionLimitCloses() throws {
        var limits = ServerLimits()
        limits.maxRequestsPerConnection = 2
        try withServer(limits: limits) { server in
            let c = try server.connect()
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try c.readResponse().headers["Connection"] == nil)
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try c.readResponse().headers["Connection"] == "close")
            #expect(c.closedByPeer())
        }
    }

    @Test func connectionsOverTheCapAreRefusedQuickly() throws {
        var limits = ServerLimits()
        limits.maxConnections = 2
        try withServer(limits: limits) { server in
            let a = try server.connect(), b = try server.connect()
            a.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try a.readResponse().status == 200)
            b.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try b.readResponse().status == 200)
            let start = Date()
            let over = try server.connect()
            let r = try over.readResponse()
            #expect(r.status == 503)
            #expect(over.closedByPeer())
            #expect(Date().timeIntervalSince(start) < 2)
            // The loop was not stalled: the admitted connections still work.
            a.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try a.readResponse().status == 200)
        }
    }

    // MARK: - Representation

    @Test func gzipWhenAcceptedWithVary() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /large HTTP/1.1\r\nHost: t\r\nAccept-Encoding: br;q=1, gzip;q=0.8\r\n\r\n")
            let r = try c.readResponse()
            #expect(r.headers["Content-Encoding"] == "gzip")
            #expect(r.headers["Vary"] == "Accept-Encoding")
            #expect(GzipCompressor.decompress(r.body).map { String(decoding: $0, as: UTF8.self) } == TestServer.largeJSON)
            c.send("GET /large HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
            let plain = try c.readResponse()
            #expect(plain.headers["Content-Encoding"] == nil)
            #expect(plain.headers["Vary"] == "Accept-Encoding")
            #expect(plain.bodyText == TestServer.largeJSON)
            c.send("GET /json HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            #expect(try c.readResponse().headers["Content-Encoding"] == nil, "too small to be worth it")
        }
    }

    @Test func etagAndIfNoneMatchGive304() throws {
        try withServer { server in
            let c = try server.connect()
            c.send("GET /json HTTP/1.1\r\nHost: t\r\n\r\n")
            let first = try c.readResponse()
            let etag = try #require(first.headers["ETag"])
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            c.send("GET /json HTTP/1.1\r\nHost: t\r\nIf-None-Match: \"other\", \(etag)\r\n\r\n")
            let second = try c.readResponse()
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            #expect(second.headers["ETag"] == etag)
            c.send("GET /json HTTP/1.1\r\nHost: t\r\nIf-None-Match: \"stale\"\r\n\r\n")
            #expect(try c.readResponse().status == 200)
        }
    }

    // MARK: - Robustness

    @Test func abandonedConnectionsLeakNoDescriptors() throws {
        try withServer(loops: 2) { server in
            var clients: [RawConnection] = []
            for i in 0..<200 {
                let c = try server.connect()
                switch i % 4 {
                case 0: c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                case 1: c.send("GET /hel")
                case 2: c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nabc")
                default: break
                }
                clients.append(c)
            }
            usleep(200_000)
            #expect(server.server.openConnections == 200)
            clients.removeAll()  // closes every client socket abruptly
            var open = -1
            for _ in 0..<50 {
                usleep(100_000)
                open = SocketInspector.openDescriptors(localPort: server.port)
                if open <= 1 && server.server.openConnections == 0 { break }
            }
            #expect(open == 1, "only the listening socket remains")
            #expect(server.server.openConnections == 0)
        }
    }

    @Test func slowReaderDoesNotBlockOthers() throws {
        try withServer { server in
            // One event loop: if a slow reader blocked it, the second client would time out.
            let slow = try server.connect()
            var small: Int32 = 4096
            setsockopt(slow.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
            slow.send(String(repeating: "GET /large HTTP/1.1\r\nHost: t\r\n\r\n", count: 200))
            usleep(200_000)
            let fast = try server.connect(timeoutMs: 2000)
            fast.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try fast.readResponse().bodyText == "hello")
        }
    }

    @Test func slowReaderIsCutEvenWhenTheKernelHoldsItsResponses() throws {
        // A reader with a tiny window leaves whole responses in the server's kernel send
        // buffer: our own buffer empties at once, yet the reader takes nothing. The write
        // timeout must still cut it (the kernel's unsent queue counts as pending output),
        // long before the keep-alive idle timeout would.
        var limits = ServerLimits()
        limits.writeTimeoutMs = 300
        limits.keepAliveIdleTimeoutMs = 60_000
        try withServer(limits: limits) { server in
            let slow = try server.connect()
            var small: Int32 = 4096
            setsockopt(slow.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
            slow.send(String(repeating: "GET /large HTTP/1.1\r\nHost: t\r\n\r\n", count: 4))
            usleep(100_000)
            #expect(server.server.openConnections == 1)
            let start = Date()
            while server.server.openConnections > 0 && Date().timeIntervalSince(start) < 5 { usleep(50_000) }
            #expect(server.server.openConnections == 0, "cut by the write timeout")
            #expect(Date().timeIntervalSince(start) < 2)
        }
    }

    @Test func gracefulShutdownFinishesInFlightRequests() throws {
        let server = try TestServer()
        let c = try server.connect()
        let idle = try server.connect()
        c.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        usleep(50_000)
        let stopper = Thread { server.stop() }
        stopper.start()
        let r = try c.readResponse()
        #expect(r.status == 200)
        #expect(r.headers["Connection"] == "close")
        #expect(idle.closedByPeer())
    }

    @Test func drainDeadlineCutsRequestsThatRunTooLong() throws {
        var limits = ServerLimits()
        limits.drainTimeoutMs = 100
        // The handler runs until the test lets it go, and the test waits until its response
        // is made: a handler left running past the test could still be hashing its response
        // while the test process exits, after OpenSSL's exit handler freed libcrypto's locks
        // (a SIGSEGV in EVP_Digest under TSan).
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let answered = DispatchSemaphore(value: 0)
        let server = try TestServer(limits: limits,
                                    middleware: [SignalsWhenAnswered(answered: answered)]
                                        + HTTPApplication.standardMiddleware()) { router in
            router.get("/held") { _ in
                started.signal()
                // Bounded: a server that waited for the handler fails the timing check, not hangs.
                _ = release.wait(timeout: .now() + 2)
                return .text("held")
            }
        }
        let c = try server.connect()
        c.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(started.wait(timeout: .now() + 5) == .success)
        let start = Date()
        server.stop()
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 1.5, "stopped at the drain deadline, not when the handler finished")
        #expect(c.closedByPeer())
        release.signal()
        #expect(answered.wait(timeout: .now() + 5) == .success)
    }
}

/// Outermost middleware: signals once the whole chain has answered a request.
private struct SignalsWhenAnswered: HTTPMiddleware {
    let answered: DispatchSemaphore

    func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        defer { answered.signal() }
        return try next(request)
    }
}
