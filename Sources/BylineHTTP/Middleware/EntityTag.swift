/// Strong entity tags (RFC 9110 §8.8.3) for response bodies.
public enum EntityTag {
    /// `"<first 128 bits of SHA-256, hex>"`: the same bytes always give the same tag.
    public static func strong(for body: [UInt8]) -> String {
        "\"\(SHA256Digest.hexString(SHA256Digest.hash(body).prefix(16)))\""
    }

    /// The tag of another content coding of the same representation: strong validators must
    /// differ between codings (RFC 9110 §8.8.3), so `"abc"` becomes `"abc-gzip"`.
    static func codingVariant(_ tag: String, coding: String) -> String {
        guard tag.hasSuffix("\"") else { return tag }
        return String(tag.dropLast()) + "-\(coding)\""
    }
}
