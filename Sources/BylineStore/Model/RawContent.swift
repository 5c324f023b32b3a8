/// An article's original bytes and the media type they came as.
public struct RawContent: Sendable, Hashable {
    public let bytes: [UInt8]
    public let contentType: String
}
