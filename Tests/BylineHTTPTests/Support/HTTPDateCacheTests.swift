import Testing
@testable import BylineHTTP

struct HTTPDateCacheTests {
    /// RFC 9110 §5.6.7's own example.
    @Test func formatsIMFFixdate() {
        #expect(HTTPDateCache.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDateCache.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test func cacheHoldsTheCurrentSecond() {
        var cache = HTTPDateCache()
        cache.refresh()
        #expect(cache.value.hasSuffix(" GMT"))
        #expect(cache.value.count == 29)
    }
}
