import Testing
@testable import BylineHTTP

struct RepresentationMiddlewareTests {
    @Test(arguments: [("gzip", true), ("gzip;q=0", false), ("br, *;q=0.1", true), ("identity", false),
                      ("GZIP ; q=0.5", true), ("x-gzip", true)])
    func acceptEncodingIsParsedWithQValues(_ c: (String, Bool)) {
        #expect(RepresentationMiddleware.acceptsGzip([c.0]) == c.1)
    }

    @Test(arguments: [("\"abc\"", true), ("W/\"abc\"", true), ("\"x\", \"abc-gzip\"", true), ("*", true),
                      ("\"abd\"", false)])
    func ifNoneMatchUsesWeakComparison(_ c: (String, Bool)) {
        #expect(RepresentationMiddleware.matches(ifNoneMatch: c.0, etag: "\"abc\"") == c.1)
    }

    @Test func gzipRoundTrips() throws {
        let input = Array(String(repeating: "byline ", count: 500).utf8)
        let compressed = try #require(GzipCompressor.compress(input))
        #expect(compressed.count < input.count / 10)
        #expect(compressed.prefix(2) == [0x1f, 0x8b])
        #expect(GzipCompressor.decompress(compressed) == input)
    }
}
