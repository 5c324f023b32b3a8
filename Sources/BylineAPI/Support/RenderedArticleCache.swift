import BylineHTTP
import BylineConcurrency

/// Article JSON already encoded, with its strong ETag, by article ID.
///
/// An article's representation changes when it is deleted and when an arrival or a delete
/// changes its story or its quotes' groups (the store reports those articles and the cache
/// drops them), so `GET /v1/articles/{id}` can otherwise serve the bytes it rendered last
/// time:
/// reading the row, encoding it and hashing it measured as two thirds of that route's CPU.
/// Bounded by total body bytes; over the bound, arbitrary entries are evicted (popular
/// articles come back at the cost of one render).
final class RenderedArticleCache: Sendable {
    struct Entry: Sendable {
        let body: [UInt8]
        let etag: String
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        /// Bumped by every removal. A rendering made from a row read before a removal must
        /// not be kept after it (the row may be gone by now).
        var generation: UInt64 = 0
    }

    let maxBytes: Int
    private let state = Locked(State())

    /// - Parameter maxBytes: 0 disables the cache.
    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    subscript(id: String) -> Entry? {
        state.withLock { $0.entries[id] }
    }

    /// Read before reading the row a rendering is made from; pass it to `store`.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Tags the rendering and keeps it unless something was removed since `generation` was
    /// read; returns it either way.
    @discardableResult
    func store(id: String, body: [UInt8], readAt generation: UInt64) -> Entry {
        let entry = Entry(body: body, etag: EntityTag.strong(for: body))
        guard maxBytes > 0, body.count <= maxBytes else { return entry }
        state.withLock { state in
            guard state.generation == generation else { return }
            if let old = state.entries.updateValue(entry, forKey: id) { state.bytes -= old.body.count }
            state.bytes += body.count
            while state.bytes > maxBytes, let victim = state.entries.first(where: { $0.key != id }) {
                state.entries.removeValue(forKey: victim.key)
                state.bytes -= victim.value.body.count
            }
        }
        return entry
    }

    func remove(ids: [String]) {
        for id in ids { remove(id: id) }
    }

    func remove(id: String) {
        state.withLock { state in
            state.generation &+= 1
            if let old = state.entries.removeValue(forKey: id) { state.bytes -= old.body.count }
        }
    }

    var totalBytes: Int { state.withLock { $0.bytes } }
}
