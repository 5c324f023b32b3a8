import BylineAPI
import BylineHTTP
import BylineStore
import Foundation
import Glibc
import Logging
import Testing

/// The real server, the real API and a real SQLite file, spoken to over a socket as curl
/// would: the seeds served end to end.
@Suite struct ArticlesIntegrationTests {
    static let seedsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")

    final class LiveServer: Sendable {
        let server: HTTPServer
        let store: ArticleStore
        let directory: URL

        /// - Parameter metrics: when given, requests are counted into it (as `byline serve` does).
        init(seeded: Bool, metrics: ServiceMetrics? = nil) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("byline-it-\(UUID().uuidString)")
            store = try ArticleStore(path: directory.appendingPathComponent("db.sqlite").path)
            if seeded {
                let files = try FileManager.default.contentsOfDirectory(atPath: ArticlesIntegrationTests.seedsDirectory.path)
                    .filter { $0.hasSuffix(".txt") }.sorted()
                for file in files {
                    let text = try String(contentsOf: ArticlesIntegrationTests.seedsDirectory.appendingPathComponent(file), encoding: .utf8)
                    _ = try store.ingest(ArticleInput(rawText: text, contentType: "text/plain"))
                }
            }
            var router = RouterBuilder()
            let databasePath = directory.appendingPathComponent("db.sqlite").path
            let metrics = metrics ?? ServiceMetrics()
            metrics.observeStore(databasePath: databasePath)
            BylineAPI(store: store, version: "test", metrics: metrics).register(into: &router)
            var middleware = HTTPApplication.standardMiddleware()
            middleware.insert(RequestMetricsMiddleware(factory: metrics.factory), at: 0)
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            configuration.accessLog = false
            configuration.eventLoopCount = 2
            server = HTTPServer(configuration: configuration,
                                responder: HTTPApplication(router: router.freeze(), middleware: middleware,
                                                           logger: Logger(label: "t")),
                                logger: Logger(label: "t"))
            try server.start()
            metrics.observeOpenConnections(of: server)
        }

        func stop() {
            server.shutdown()
            server.waitUntilStopped()
            try? FileManager.default.removeItem(at: directory)
        }

        /// One request on a fresh connection; returns status, headers and body.
        func request(_ method: String, _ target: String, headers: [String: String] = [:],
                     body: [UInt8] = []) throws -> (status: Int, headers: [String: String], body: [UInt8]) {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var tv = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = UInt16(server.port).bigEndian
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            var head = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
            let bytes = Array((head + "\r\n").utf8) + body
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                received += chunk[0..<n]
            }
            let separator = Array("\r\n\r\n".utf8)
            guard let end = (0...(max(0, received.count - 4))).first(where: { Array(received[$0..<min(received.count, $0 + 4)]) == separator }) else {
                throw RawConnectionError(description: "no response head")
            }
            let lines = String(decoding: received[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let status = Int(lines[0].split(separator: " ")[1])!
            var parsed: [String: String] = [:]
            for line in lines.dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                parsed[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            return (status, parsed, Array(received[(end + 4)...]))
        }

        func json(_ target: String) throws -> [String: Any] {
            let r = try request("GET", target)
            return try JSONSerialization.jsonObject(with: Data(r.body)) as! [String: Any]
        }
    }

    struct RawConnectionError: Error, CustomStringConvertible { let description: String }

    @Test func seedsAreServedEndToEnd() throws {
        let live = try LiveServer(seeded: true)
        defer { live.stop() }
        let list = try live.json("/v1/articles")
        let data = try #require(list["data"] as? [[String: Any]])
        #expect(data.count == 5)
        #expect(list["next_cursor"] is NSNull)
        let id = try #require(data.first?["id"] as? String)
        let article = try live.json("/v1/articles/\(id)")
        #expect(article["id"] as? String == id)
        #expect((article["body"] as? String)?.isEmpty == false)
        #expect((article["sha256"] as? String)?.count == 64)
        #expect(article.keys.contains("quotes") && article.keys.contains("entities"))

        let paged = try live.request("GET", "/v1/articles?limit=2")
        #expect(paged.headers["link"]?.contains("rel=\"next\"") == true)
    }

    @Test func ingestIsIdempotentAndDeleteRemoves() throws {
        let live = try LiveServer(seeded: false)
        defer { live.stop() }
        let text = Array("A headline\n\nThe mayor said the bridge would reopen on Monday, officials confirmed.\n".utf8)
        let created = try live.request("POST", "/v1/articles", headers: ["Content-Type": "text/plain"], body: text)
        #expect(created.status == 201)
        let location = try #require(created.headers["location"])
        let again = try live.request("POST", "/v1/articles", headers: ["Content-Type": "text/plain; charset=utf-8"], body: text)
        #expect(again.status == 200)
        #expect(try live.request("GET", location).status == 200)
        let raw = try live.request("GET", location + "/raw")
        #expect(raw.body == text)
        #expect(try live.request("GET", location + "/text").headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(try live.request("DELETE", location).status == 204)
        let gone = try live.request("GET", location)
        #expect(gone.status == 404)
        #expect(gone.headers["content-type"] == "application/problem+json")
    }

    @Test func badInputGetsProblemsAndStoresNothing() throws {
        let live = try LiveServer(seeded: false)
        defer { live.stop() }
        let wrongType = try live.request("POST", "/v1/articles", headers: ["Content-Type": "image/png"], body: [1, 2, 3])
        #expect(wrongType.status == 415)
        let empty = try live.request("POST", "/v1/articles", headers: ["Content-Type": "text/plain"], body: Array("   \n".utf8))
        #expect(empty.status == 422)
        let badJSON = try live.request("POST", "/v1/articles", headers: ["Content-Type": "application/json"], body: Array("{\"text\":".utf8))
        #expect(badJSON.status == 400)
        let badLimit = try live.request("GET", "/v1/articles?limit=0")
        #expect(badLimit.status == 400)
        #expect(badLimit.headers["content-type"] == "application/problem+json")
        #expect(try live.store.count() == 0)
    }

    @Test func articleGetsAreCompressedAndRevalidated() throws {
        let live = try LiveServer(seeded: true)
        defer { live.stop() }
        let list = try live.json("/v1/articles")
        let id = try #require((list["data"] as? [[String: Any]])?.first?["id"] as? String)
        let gz = try live.request("GET", "/v1/articles/\(id)", headers: ["Accept-Encoding": "gzip"])
        #expect(gz.headers["content-encoding"] == "gzip")
        let plain = try #require(GzipCompressor.decompress(gz.body))
        #expect((try JSONSerialization.jsonObject(with: Data(plain)) as? [String: Any])?["id"] as? String == id)
        let etag = try #require(gz.headers["etag"])
        #expect(try live.request("GET", "/v1/articles/\(id)", headers: ["If-None-Match": etag]).status == 304)
    }

    @Test func theSeedsFormOneStory() throws {
        let live = try LiveServer(seeded: true)
        defer { live.stop() }
        let stories = try #require(try live.json("/v1/stories")["data"] as? [[String: Any]])
        #expect(stories.count == 1)
        let story = try #require(stories.first)
        #expect(story["article_count"] as? Int == 5)
        let id = try #require(story["id"] as? String)
        let detail = try live.json("/v1/stories/\(id)")
        #expect((detail["articles"] as? [Any])?.count == 5)
        #expect((detail["outlets"] as? [String])?.isEmpty == false)
        #expect(detail["first_published"] as? String == "2025-06-14")
        #expect(detail["title"] is String)
        let members = try #require(try live.json("/v1/articles?story=\(id)")["data"] as? [[String: Any]])
        #expect(members.count == 5)
        #expect(try live.request("GET", "/v1/stories/s-nope").status == 404)
    }

    @Test func searchRanksHighlightsAndRefusesBadSyntax() throws {
        let live = try LiveServer(seeded: true)
        defer { live.stop() }
        let hits = try #require(try live.json("/v1/search?q=%22phone%20call%22")["data"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("<mark>") == true })
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >), "best first")
        #expect(try live.request("GET", "/v1/search?q=conde*").status == 200)
        let bad = try live.request("GET", "/v1/search?q=%22unterminated")
        #expect(bad.status == 400)
        #expect(bad.headers["content-type"] == "application/problem+json")
        #expect(try live.request("GET", "/v1/search").status == 400)
    }

    /// The black-box walk of issue 4 on the seeds, as a curl user would.
    @Test func aQuoteAcrossOutletsAndASpeakersQuotes() throws {
        let live = try LiveServer(seeded: true)
        defer { live.stop() }
        let hits = try #require(try live.json("/v1/quotes?q=%22as%20do%20I%22")["data"] as? [[String: Any]])
        let feels = try #require(hits.first { ($0["text"] as? String)?.hasPrefix("He feels, as do I") == true })
        #expect((feels["speaker"] as? [String: Any])?["name"] as? String == "Donald Trump")
        let quote = try live.json("/v1/quotes/\(try #require(feels["id"] as? String))")
        let variants = try #require(quote["variants"] as? [[String: Any]])
        let articles = Set([quote["article_id"] as? String] + variants.map { $0["article_id"] as? String })
        #expect(articles.count == 3, "one group carried by three articles of three outlets")
        #expect(variants.allSatisfy { $0["group_id"] as? String == quote["group_id"] as? String })

        let people = try #require(try live.json("/v1/entities?q=Ushakov&type=person")["data"] as? [[String: Any]])
        let ushakov = try #require(people.first)
        #expect(ushakov["name"] as? String == "Yuri Ushakov")
        let id = try #require(ushakov["id"] as? String)
        let quotes = try #require(try live.json("/v1/quotes?speaker=\(id)&limit=200")["data"] as? [[String: Any]])
        let quotedIn = Set(quotes.compactMap { $0["article_id"] as? String })
        let mentionedIn = try #require(try live.json("/v1/articles?speaker=\(id)&limit=200")["data"] as? [[String: Any]])
        #expect(quotedIn.count == 5, "Ushakov is quoted in every seed article")
        #expect(quotedIn == Set(mentionedIn.compactMap { $0["id"] as? String }))
        #expect(quotes.allSatisfy { ($0["speaker"] as? [String: Any])?["id"] as? String == id })
    }
}
