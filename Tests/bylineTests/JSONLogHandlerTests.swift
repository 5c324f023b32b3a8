import Foundation
import Logging
import Testing
@testable import byline

struct JSONLogHandlerTests {
    @Test func accessLogLineIsOneJSONObject() throws {
        let line = JSONLogHandler.line(
            timestamp: "2026-11-23T00:00:00.000Z", level: .info, label: "byline.http", message: "access",
            metadata: ["method": "GET", "path": "/v1/articles/\"x\"\n", "status": .stringConvertible(200),
                       "bytes": .stringConvertible(512), "duration_ms": .stringConvertible(0.25),
                       "request_id": "abc-1"])
        #expect(line.hasSuffix("}\n"))
        #expect(line.filter { $0 == "\n" }.count == 1, "control characters are escaped")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["status"] as? Int == 200)
        #expect(object["bytes"] as? Int == 512)
        #expect(object["duration_ms"] as? Double == 0.25)
        #expect(object["path"] as? String == "/v1/articles/\"x\"\n")
        #expect(object["request_id"] as? String == "abc-1")
        #expect(object["level"] as? String == "info")
    }
}
