import Foundation
import Testing
@testable import BylineAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// Ingested pages are hostile input parsed by libxml2: these check the parser options in
/// `HTMLTreeBuilder` keep it from reading files, reaching the network or expanding entities
/// (docs/threat-model.md, "HTML parsing").
@Suite("HTML parsing is safe on hostile pages")
struct HTMLTreeBuilderSafetyTests {
    static let story = HTMLArticleExtractorTests.story

    /// A page whose DOCTYPE carries `subset` and whose first paragraph holds `reference`.
    static func page(subset: String, reference: String) -> String {
        "<!DOCTYPE html [\n\(subset)\n]><html><body><article><p>Entity: \(reference) end.</p>"
            + story.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
    }

    /// Everything extraction keeps of a page: its text and metadata.
    static func extractedText(_ html: String) -> String {
        let result = HTMLArticleExtractor.extract(html: html)
        return [result.text, result.document.title ?? "", result.document.outlet ?? ""].joined(separator: "\n")
    }

    @Test("an entity declared in the page is not expanded")
    func internalEntityNotExpanded() {
        let text = Self.extractedText(Self.page(subset: "<!ENTITY marker \"EXPANDED-ENTITY\">", reference: "&marker;"))
        #expect(!text.contains("EXPANDED-ENTITY"))
        #expect(text.contains(Self.story[0]))
    }

    @Test("an external entity naming a local file is not read (no XXE)")
    func externalEntityNotRead() throws {
        let secret = "SECRET-\(UInt64.random(in: 0 ... .max))"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("byline-xxe-\(secret).txt")
        try secret.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let html = Self.page(subset: "<!ENTITY xxe SYSTEM \"file://\(file.path)\">", reference: "&xxe;")
        #expect(!Self.extractedText(html).contains(secret))
        // The same through the byte path, which honours a declared charset.
        let bytes = HTMLArticleExtractor.extract(html: Array(html.utf8))
        #expect(!bytes.text.contains(secret))
    }

    @Test("nested entity definitions (billion laughs) are not expanded")
    func billionLaughs() {
        var subset = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            subset += "\n<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let text = Self.extractedText(Self.page(subset: subset, reference: "&lol9;"))
        #expect(!text.contains("lollol"))
        #expect(text.unicodeScalars.count < 10_000)
    }

    @Test("a page naming a DTD, entities and XIncludes on the network makes no connection")
    func noNetwork() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let url = "http://127.0.0.1:\(listener.port)/x"
        let html = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(url).dtd\" [\n"
            + "<!ENTITY remote SYSTEM \"\(url).ent\">\n<!ENTITY % param SYSTEM \"\(url).param\"> %param;\n]>"
            + "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><body><article><p>&remote;</p>"
            + "<xi:include href=\"\(url).inc\"/><iframe src=\"\(url).frame\"></iframe>"
            + Self.story.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
        let result = HTMLArticleExtractor.extract(html: html)
        #expect(result.document.body.contains(Self.story[0]))
        // A connect() by the parser would have completed in the kernel's backlog by now.
        #expect(listener.pendingConnections() == 0)
    }

    @Test("a page nested a hundred thousand elements deep is parsed without exhausting the stack")
    func veryDeepNesting() {
        // Two elements per step: 100,000 open elements, 1.1 MB, well inside max_body_bytes.
        let html = "<html><body>" + String(repeating: "<div><span>", count: 50_000) + Self.story.map { "<p>\($0)</p>" }.joined()
            + "</body></html>"
        let result = HTMLArticleExtractor.extract(html: html)
        #expect(result.document.body.contains(Self.story[2]))
    }
}

/// A listening TCP socket on an ephemeral loopback port that never accepts on its own: it
/// counts the connections someone opened to it.
struct LoopbackListener {
    enum Failure: Error { case socket(Int32) }

    let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { let error = errno; Glibc.close(fd); throw Failure.socket(error) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        self.fd = fd
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// Accepts (and closes) whatever is queued; the number of connections.
    func pendingConnections() -> Int {
        var count = 0
        while case let client = accept(fd, nil, nil), client >= 0 {
            Glibc.close(client)
            count += 1
        }
        return count
    }

    func close() { Glibc.close(fd) }
}
