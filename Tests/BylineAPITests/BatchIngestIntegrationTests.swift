import BylineAPI
import BylineStore
import Foundation
import Glibc
import Testing

/// `POST /v1/articles/batch` against the real server over a socket: NDJSON in, one result
/// or problem per line out, chunked and in order; a dropped client keeps what it was told.
@Suite struct BatchIngestIntegrationTests {
    typealias LiveServer = ArticlesIntegrationTests.LiveServer

    static func article(_ n: Int) -> String {
        "Harbour report number \(n)\n\nThe harbour master said the new quay number \(n) would open in the spring, officials confirmed.\n"
    }

    static func line(_ object: [String: String]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The body of a chunked message (RFC 9112 §7.1), or nil if it is not complete.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [], i = 0
        while true {
            guard let lineEnd = (i..<max(i, bytes.count - 1)).first(where: { bytes[$0] == 0x0D && bytes[$0 + 1] == 0x0A }),
                  let size = Int(String(decoding: bytes[i..<lineEnd], as: UTF8.self), radix: 16) else { return nil }
            i = lineEnd + 2
            if size == 0 { return out }
            guard i + size + 2 <= bytes.count else { return nil }
            out += bytes[i..<(i + size)]
            i += size + 2
        }
    }

    @Test("each line gets its own result in order; a bad line fails alone")
    func linesAnsweredInOrder() throws {
        let live = try LiveServer(seeded: false)
        defer { live.stop() }
        let body = [Self.line(["text": Self.article(1)]),
                    "{not json",
                    "",
                    Self.line(["text": "   "]),
                    Self.line(["text": Self.article(2), "outlet": "Harbour Gazette"]),
                    Self.line(["text": Self.article(1)])].joined(separator: "\n") + "\n"
        let response = try live.request("POST", "/v1/articles/batch",
                                        headers: ["Content-Type": "application/x-ndjson"], body: Array(body.utf8))
        #expect(response.status == 200)
        #expect(response.headers["transfer-encoding"] == "chunked")
        #expect(response.headers["content-type"] == "application/x-ndjson")
        let decoded = try #require(Self.dechunk(response.body), "a complete chunked body")
        let results = String(decoding: decoded, as: UTF8.self).split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(results.map { $0["line"] as? Int } == [1, 2, 4, 5, 6], "blank line 3 is skipped, numbers kept")
        #expect(results.map { $0["status"] as? Int } == [201, 400, 422, 201, 200])
        #expect((results[1]["type"] as? String)?.hasSuffix("/malformed-body") == true)
        #expect(results[5 - 2]["id"] as? String != nil)
        #expect(results[0]["id"] as? String == results[4]["id"] as? String, "the same text is the same article")
        #expect(try live.store.count() == 2)
        let id = try #require(results[3]["id"] as? String)
        #expect(try live.store.article(id: id)?.outlet?.name == "Harbour Gazette")
    }

    @Test("a batch needs NDJSON: 415 with Accept-Post")
    func mediaType() throws {
        let live = try LiveServer(seeded: false)
        defer { live.stop() }
        let response = try live.request("POST", "/v1/articles/batch", headers: ["Content-Type": "application/json"],
                                        body: Array(Self.line(["text": Self.article(1)]).utf8))
        #expect(response.status == 415)
        #expect(response.headers["accept-post"] == "application/x-ndjson")
        #expect(try live.store.count() == 0)
    }

    @Test("a client that drops the connection mid-stream keeps every article it was told about")
    func droppedClientKeepsAcknowledged() throws {
        let live = try LiveServer(seeded: false)
        defer { live.stop() }
        let count = 200
        let body = (1...count).map { Self.line(["text": Self.article($0)]) }.joined(separator: "\n")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(live.server.port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let request = Array(("POST /v1/articles/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body).utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        // Read until the first few results have arrived, then hang up.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.filter({ $0 == 0x7D }).count < 3 {  // three closing braces: three results
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)  // a reset, as a crashed client sends
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
        let text = String(decoding: received, as: UTF8.self)
        let acknowledged = text.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "\"id\":\"") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(acknowledged.count >= 2)
        // The producer notices the hang-up at its next write and stops.
        var stored = 0
        for _ in 0..<100 {
            Thread.sleep(forTimeInterval: 0.05)
            let now = try live.store.count()
            if now == stored && now > 0 { break }
            stored = now
        }
        for id in acknowledged { #expect(try live.store.article(id: id) != nil, "acknowledged \(id) was kept") }
        #expect(stored < count, "the lines after the drop were not stored")
    }
}
