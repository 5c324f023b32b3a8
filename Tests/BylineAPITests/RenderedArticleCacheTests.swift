import BylineHTTP
import Testing
@testable import BylineAPI

struct RenderedArticleCacheTests {
    @Test func keepsRenderingsWithTheirStrongTag() {
        let cache = RenderedArticleCache(maxBytes: 100)
        let entry = cache.store(id: "a", body: Array("{}".utf8), readAt: cache.generation)
        #expect(entry.etag == EntityTag.strong(for: Array("{}".utf8)))
        #expect(cache["a"]?.body == Array("{}".utf8))
    }

    @Test func staysWithinItsBound() {
        let cache = RenderedArticleCache(maxBytes: 100)
        for i in 0..<20 { cache.store(id: "id\(i)", body: [UInt8](repeating: 1, count: 30), readAt: cache.generation) }
        #expect(cache.totalBytes <= 100)
        #expect(cache["id19"] != nil, "the newest entry is kept")
    }

    @Test func renderingFromBeforeARemovalIsNotKept() {
        let cache = RenderedArticleCache(maxBytes: 100)
        let before = cache.generation
        cache.remove(id: "a")  // a DELETE lands between the read of the row and the store
        cache.store(id: "a", body: Array("old".utf8), readAt: before)
        #expect(cache["a"] == nil)
    }

    @Test func zeroDisables() {
        let cache = RenderedArticleCache(maxBytes: 0)
        cache.store(id: "a", body: [1], readAt: cache.generation)
        #expect(cache["a"] == nil)
    }
}
