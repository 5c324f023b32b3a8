import BylineHTTP
import COpenSSL
import Foundation
import Glibc
import Testing

/// The real server with a certificate made at test time, spoken to by a libssl client over
/// a real socket.
@Suite struct TLSServerIntegrationTests {
    func withTLSServer(limits: ServerLimits = ServerLimits(), loops: Int = 1,
                       _ body: (TestServer, SelfSignedCertificate) throws -> Void) throws {
        let certificate = try SelfSignedCertificate(commonName: "byline-test-a")
        defer { certificate.remove() }
        let server = try TestServer(limits: limits, loops: loops, tls: certificate.tls)
        defer { server.stop() }
        try body(server, certificate)
    }

    func secureConnection(to server: TestServer, trusting certificate: SelfSignedCertificate,
                          timeoutMs: Int = 5000) throws -> RawConnection {
        let connection = try server.connect(timeoutMs: timeoutMs)
        try connection.startTLS(TLSTestClient(trusting: certificate.certificatePath))
        return connection
    }

    @Test func requestsAreAnsweredOverTLSOnAKeptAliveConnection() throws {
        try withTLSServer { server, certificate in
            let c = try secureConnection(to: server, trusting: certificate)
            #expect(["TLSv1.2", "TLSv1.3"].contains(c.tls?.protocolVersion ?? ""))
            #expect(c.tls?.peerCommonName == "byline-test-a")
            for _ in 0..<3 {
                c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
                let r = try c.readResponse()
                #expect(r.status == 200)
                #expect(r.bodyText == "hello")
                #expect(r.headers["Connection"] == nil)
            }
            c.send("GET /json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(try c.readResponse().bodyText == "{\"ok\":true}")
            #expect(c.readToEnd().isEmpty)  // then a clean close_notify and end of stream
        }
    }

    @Test func tls12OffersOnlyECDHEWithAEAD() throws {
        try withTLSServer { server, certificate in
            let c = try server.connect()
            try c.startTLS(TLSTestClient(trusting: certificate.certificatePath, maxVersion: TLS1_2_VERSION))
            #expect(c.tls?.protocolVersion == "TLSv1.2")
            let cipher = c.tls?.cipher ?? ""
            #expect(cipher.hasPrefix("ECDHE-"))
            #expect(cipher.contains("GCM") || cipher.contains("CHACHA20-POLY1305"))
            c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try c.readResponse().status == 200)
        }
    }

    /// Bodies far larger than one TLS record (16 KiB) and than the socket buffers go both
    /// ways: partial SSL_write and WANT_WRITE are carried through epoll.
    @Test func largeBodiesCrossTLSIntact() throws {
        try withTLSServer { server, certificate in
            let c = try secureConnection(to: server, trusting: certificate)
            let body = (0..<(3 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            c.send(Array("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            let r = try c.readResponse()
            #expect(r.status == 200)
            #expect(r.body == body)
            c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try c.readResponse().bodyText == "hello")
        }
    }

    @Test func pipelinedRequestsOverTLSAreAnsweredInOrder() throws {
        var limits = ServerLimits()
        limits.maxPipelinedRequests = 2  // reading pauses and resumes with input left in OpenSSL
        try withTLSServer(limits: limits) { server, certificate in
            let c = try secureConnection(to: server, trusting: certificate)
            c.send((1...8).map { "GET /items/\($0) HTTP/1.1\r\nHost: localhost\r\n\r\n" }.joined())
            for i in 1...8 { #expect(try c.readResponse().bodyText == "item \(i)") }
        }
    }

    @Test func aStalledHandshakeIsCutAtTheHandshakeTimeout() throws {
        var limits = ServerLimits()
        limits.tlsHandshakeTimeoutMs = 300
        limits.headTimeoutMs = 20_000
        try withTLSServer(limits: limits) { server, _ in
            let c = try server.connect(timeoutMs: 5000)
            c.send([0x16, 0x03, 0x01, 0x00, 0x80])  // the start of a ClientHello record, then silence
            let started = Date()
            #expect(c.closedByPeer())
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed >= 0.2)
            #expect(elapsed < 2.0)
        }
    }

    @Test func theHandshakeTimeoutEndsWithTheHandshake() throws {
        var limits = ServerLimits()
        limits.tlsHandshakeTimeoutMs = 200
        try withTLSServer(limits: limits) { server, certificate in
            let c = try secureConnection(to: server, trusting: certificate)
            usleep(600_000)  // three handshake timeouts, well within the head timeout
            c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try c.readResponse().bodyText == "hello")
        }
    }

    @Test func gracefulShutdownFinishesAnInFlightTLSRequest() throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        let server = try TestServer(tls: certificate.tls)
        let c = try secureConnection(to: server, trusting: certificate)
        c.send("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
        usleep(100_000)
        server.server.shutdown()
        let r = try c.readResponse()
        #expect(r.bodyText == "slow")
        #expect(r.headers["Connection"] == "close")
        server.server.waitUntilStopped()
    }

    @Test func aStalledHandshakeDoesNotHoldUpOthers() throws {
        var limits = ServerLimits()
        limits.tlsHandshakeTimeoutMs = 3000
        try withTLSServer(limits: limits, loops: 1) { server, certificate in
            let stalled = try server.connect()
            stalled.send([0x16, 0x03, 0x01, 0x02, 0x00, 0x01])  // half a ClientHello
            let started = Date()
            let c = try secureConnection(to: server, trusting: certificate)
            c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try c.readResponse().bodyText == "hello")
            #expect(Date().timeIntervalSince(started) < 1.5)
            _ = stalled
        }
    }

    @Test func plainHTTPOnTheTLSPortGetsA400ThenClose() throws {
        try withTLSServer { server, _ in
            let c = try server.connect()
            c.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let r = try c.readResponse()
            #expect(r.status == 400)
            #expect(r.headers["Content-Type"] == "application/problem+json")
            #expect(r.headers["Connection"] == "close")
            #expect(r.bodyText.contains("HTTPS"))
            #expect(c.closedByPeer())
        }
    }

    @Test(arguments: [TLS1_VERSION, TLS1_1_VERSION])
    func oldProtocolVersionsAreRefused(_ version: Int32) throws {
        try withTLSServer { server, certificate in
            let c = try server.connect()
            let client = try TLSTestClient(trusting: certificate.certificatePath, minVersion: TLS1_VERSION,
                                           maxVersion: version)
            let error = #expect(throws: TLSTestClient.HandshakeFailed.self) { try c.startTLS(client) }
            // The server's protocol_version alert, not a local refusal to offer the version.
            #expect(error?.description.contains("alert protocol version") == true, "\(String(describing: error))")
            // The server keeps serving.
            let ok = try secureConnection(to: server, trusting: certificate)
            ok.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try ok.readResponse().status == 200)
        }
    }

    @Test func reloadServesTheNewCertificateToNewConnectionsOnly() throws {
        try withTLSServer { server, first in
            let old = try secureConnection(to: server, trusting: first)
            old.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try old.readResponse().status == 200)

            let second = try SelfSignedCertificate(commonName: "byline-test-b")
            defer { second.remove() }
            let now = try server.server.reloadTLS(second.tls)
            #expect(now == second.tls)

            // The connection made before the reload goes on unharmed.
            old.send("GET /items/7 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try old.readResponse().bodyText == "item 7")
            #expect(old.tls?.peerCommonName == "byline-test-a")

            let fresh = try secureConnection(to: server, trusting: second)
            #expect(fresh.tls?.peerCommonName == "byline-test-b")
            fresh.send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try fresh.readResponse().status == 200)

            // A client still trusting only the old certificate is now refused.
            let stale = try server.connect()
            #expect(throws: TLSTestClient.HandshakeFailed.self) {
                try stale.startTLS(TLSTestClient(trusting: first.certificatePath))
            }
        }
    }

    @Test func aFailedReloadKeepsTheCurrentCertificate() throws {
        try withTLSServer { server, certificate in
            let broken = TLSConfiguration(certificateChainPath: certificate.certificatePath,
                                          privateKeyPath: "/nonexistent/key.pem")
            #expect(throws: TLSError.self) { try server.server.reloadTLS(broken) }
            let c = try secureConnection(to: server, trusting: certificate)
            #expect(c.tls?.peerCommonName == "byline-test-a")
        }
    }
}
