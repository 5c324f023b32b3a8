import BylineHTTP
import Foundation
import Glibc
import Testing

/// llhttp's request corpus against the live server over a real socket, every byte the server
/// sends checked by `StrictResponseParser`: a must-fail case gets a 4xx/5xx with
/// `Connection: close` and the server closes; a must-parse case gets only well-formed
/// responses (any status: strictness may turn a case llhttp tolerates into a clean 400).
@Suite struct LLHTTPLiveConformanceTests {
    static let server: TestServer = {
        var limits = ServerLimits()
        // Short deadlines so an incomplete case ends in a 408 or an idle close quickly.
        limits.headTimeoutMs = 200
        limits.bodyReadTimeoutMs = 200
        limits.keepAliveIdleTimeoutMs = 200
        return try! TestServer(limits: limits, loops: 2)
    }()

    static let cases: [LLHTTPCase] = (try? LLHTTPCorpus.requestCases()) ?? []

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 120)
    }

    @Test(arguments: cases)
    func liveServerAnswersCase(_ testCase: LLHTTPCase) throws {
        let bytes = testCase.httpBytes
        let connection = try Self.server.connect(timeoutMs: 3000)
        connection.send(bytes)
        let (received, closed) = Self.readUntilClose(connection.fd)
        #expect(closed, "\(testCase): the server must close (error, Connection: close or idle timeout)")

        var parser = StrictResponseParser(requestMethods: Self.requestMethods(bytes) + [.get, .get])
        let responses = try parser.parse(received).filter { !$0.isInterim }
        try parser.finish()
        let final = try #require(responses.last, "\(testCase): no response")
        if testCase.mustFail {
            #expect(final.status >= 400, "\(testCase): llhttp rejects it (\(testCase.llhttpError ?? "")), we answered \(final.status)")
            #expect(final.headers.containsToken("close", in: "Connection"), "\(testCase)")
        }
    }

    /// Methods of the requests our own parser reads from the bytes, so the response parser
    /// knows which answers are to HEAD.
    static func requestMethods(_ bytes: [UInt8]) -> [HTTPMethod] {
        var parser = HTTPRequestParser()
        var events: [HTTPParserEvent] = []
        _ = try? bytes.withUnsafeBytes { try parser.parse($0, into: &events) }
        return events.compactMap { if case .head(let head, _) = $0 { head.method } else { nil } }
    }

    static func readUntilClose(_ fd: Int32) -> ([UInt8], Bool) {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { received += chunk[0..<n]; continue }
            return (received, n == 0 || errno == ECONNRESET)
        }
    }
}
