/// A half-open range `[start, end)` of Unicode scalar (code point) indices into an article's
/// text — the unit API.md fixes for spans, so clients in any language can slice the text
/// served by `GET /v1/articles/{id}/text` without knowing Swift's grapheme clusters.
public struct TextSpan: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(0 <= start && start <= end, "a span runs forwards from a non-negative index")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }
}
