import BylineHTTP
import BylineStore
import BylineConcurrency

/// Responses of read routes that aggregate across the corpus (article, story and quote
/// lists, story detail, search), by request target, kept until the store's next write.
///
/// Their bounded queries still cost milliseconds (ranking a thousand search matches,
/// sampling a story of hundreds of articles), which at 64 concurrent clients on two cores
/// queue into tens of milliseconds; the same request while nothing was written gives the
/// same bytes, so it is served from here. Validity is by `ArticleStore.generation`: an
/// entry is used only while no write has committed since the generation read before
/// rendering it, so a write is never hidden (and a client reading after its own write sees
/// it). Bounded by total body bytes; over the bound, arbitrary entries are evicted.
final class ReadResponseCache: Sendable {
    private struct Entry {
        let generation: UInt64
        let response: HTTPResponse
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    let maxBytes: Int
    private let store: ArticleStore
    private let state = Locked(State())

    /// - Parameter maxBytes: 0 disables the cache.
    init(store: ArticleStore, maxBytes: Int) {
        self.store = store
        self.maxBytes = maxBytes
    }

    /// The cached response to `request` if no write has committed since it was rendered,
    /// else `render`'s, kept when it is a success (errors are not cached).
    func response(to request: HTTPRequest, render: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        guard maxBytes > 0 else { return try render(request) }
        let key = request.rawQuery.isEmpty ? request.path : request.path + "?" + request.rawQuery
        let generation = store.generation
        if let entry = state.withLock({ $0.entries[key] }), entry.generation == generation {
            return entry.response
        }
        var response = try render(request)
        guard response.status == .ok, response.body.count <= maxBytes else { return response }
        // Tagged once here rather than hashed again by the representation middleware.
        if response.headers["ETag"] == nil { response.headers.set("ETag", EntityTag.strong(for: response.body)) }
        let entry = Entry(generation: generation, response: response)
        state.withLock { state in
            if let old = state.entries.updateValue(entry, forKey: key) { state.bytes -= old.response.body.count }
            state.bytes += response.body.count
            while state.bytes > maxBytes, let victim = state.entries.first(where: { $0.key != key }) {
                state.entries.removeValue(forKey: victim.key)
                state.bytes -= victim.value.response.body.count
            }
        }
        return response
    }

    var totalBytes: Int { state.withLock { $0.bytes } }
}
