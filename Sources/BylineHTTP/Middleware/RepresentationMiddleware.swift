/// When and how much to compress.
public struct CompressionPolicy: Sendable, Equatable {
    /// Bodies smaller than this are sent as they are: gzip's 18-byte framing and the CPU
    /// are not worth it below about a kilobyte.
    public var minimumBytes: Int = 1024
    public var level: Int32 = 5
    public var enabled: Bool = true
    public init(minimumBytes: Int = 1024, level: Int32 = 5, enabled: Bool = true) {
        self.minimumBytes = minimumBytes
        self.level = level
        self.enabled = enabled
    }
}

/// Representation concerns of successful GET/HEAD responses, decided together because they
/// depend on each other:
/// - a strong `ETag` (RFC 9110 §8.8.3), the SHA-256 of the identity body, with a `-gzip`
///   suffix for the gzip-coded representation (strong validators must differ per coding);
/// - `If-None-Match` → 304 (RFC 9110 §13.1.2), compared weakly on the tag so either coding's
///   tag revalidates;
/// - gzip (RFC 9110 §8.4.1) when the client accepts it and the body is worth compressing,
///   with `Vary: Accept-Encoding` on every response whose coding could vary.
public struct RepresentationMiddleware: HTTPMiddleware {
    public let compression: CompressionPolicy

    public init(compression: CompressionPolicy = CompressionPolicy()) {
        self.compression = compression
    }

    public func respond(to request: HTTPRequest, next: (HTTPRequest) throws -> HTTPResponse) throws -> HTTPResponse {
        var response = try next(request)
        // A streamed body is not known in advance: it gets no validator and no coding here.
        guard request.method == .get || request.method == .head, response.bodyStream == nil else { return response }
        let compressible = Self.isCompressible(response.headers["Content-Type"])
            && response.headers["Content-Encoding"] == nil
        if compressible { response.headers.add("Vary", "Accept-Encoding") }
        guard response.status.code == 200 else { return response }

        let willGzip = compression.enabled && compressible && response.body.count >= compression.minimumBytes
            && Self.acceptsGzip(request.headers.values("Accept-Encoding"))
        // A handler may bring the identity tag (it may have it cached); the gzip coding gets
        // its own variant of it.
        let identityTag = response.headers["ETag"] ?? EntityTag.strong(for: response.body)
        response.headers.set("ETag", willGzip ? EntityTag.codingVariant(identityTag, coding: "gzip") : identityTag)
        if let condition = request.headers["If-None-Match"], let etag = response.headers["ETag"],
           Self.matches(ifNoneMatch: condition, etag: etag) {
            var notModified = HTTPResponse(status: .notModified)
            for name in ["ETag", "Vary", "Cache-Control", "Content-Location", "Expires"] {
                if let value = response.headers[name] { notModified.headers.set(name, value) }
            }
            return notModified
        }
        if willGzip, request.method == .get || request.method == .head,
           let gzipped = GzipCompressor.compress(response.body, level: compression.level) {
            response.body = gzipped
            response.headers.set("Content-Encoding", "gzip")
        }
        return response
    }

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("application/json") || type.hasPrefix("text/")
            || type.hasPrefix("application/problem+json") || type.hasPrefix("application/x-ndjson")
            || type.hasPrefix("application/xml") || type.hasPrefix("application/javascript")
    }

    /// RFC 9110 §12.5.3: `gzip` (or `x-gzip`, or `*`) with a non-zero q-value.
    static func acceptsGzip(_ values: [String]) -> Bool {
        for value in values {
            for member in value.split(separator: ",") {
                let parts = member.split(separator: ";")
                guard let coding = parts.first?.trimmingASCIIWhitespace().lowercased() else { continue }
                guard coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
                var q = 1.0
                for param in parts.dropFirst() {
                    let kv = param.split(separator: "=", maxSplits: 1)
                    if kv.count == 2, kv[0].trimmingASCIIWhitespace().lowercased() == "q" {
                        q = Double(kv[1].trimmingASCIIWhitespace()) ?? 0
                    }
                }
                if q > 0 { return true }
            }
        }
        return false
    }

    /// RFC 9110 §13.1.2: `*` or any listed entity-tag that matches by the weak comparison.
    static func matches(ifNoneMatch: String, etag: String) -> Bool {
        if ifNoneMatch.trimmingASCIIWhitespace() == "*" { return true }
        let target = opaqueTag(etag)
        for candidate in ifNoneMatch.split(separator: ",") where opaqueTag(candidate) == target {
            return true
        }
        return false
    }

    /// The tag without `W/`, quotes or our coding suffix.
    private static func opaqueTag<S: StringProtocol>(_ s: S) -> Substring {
        var t = s.trimmingASCIIWhitespace()
        if t.hasPrefix("W/") { t = t.dropFirst(2) }
        if t.hasPrefix("\"") { t = t.dropFirst() }
        if t.hasSuffix("\"") { t = t.dropLast() }
        if t.hasSuffix("-gzip") { t = t.dropLast(5) }
        return t
    }
}
