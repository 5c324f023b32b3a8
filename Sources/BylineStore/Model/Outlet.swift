/// A publisher: a URL-safe slug ID (`trt-world`) and the name as printed (`TRT World`).
public struct Outlet: Sendable, Hashable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The outlet of that name; its ID is the name's slug, so the same name always yields
    /// the same outlet.
    public init(name: String) {
        self.init(id: OutletSlug.slug(for: name), name: name)
    }
}
