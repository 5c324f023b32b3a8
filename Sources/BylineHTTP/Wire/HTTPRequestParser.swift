/// Incremental, allocation-light HTTP/1.1 request parser (RFC 9112). Pure: no I/O.
/// PLACEHOLDER — being written; API is fixed.
public struct HTTPRequestParser: Sendable {
    public let limits: ServerLimits

    public init(limits: ServerLimits = ServerLimits()) {
        self.limits = limits
    }

    /// Consumes `bytes` and appends the events they complete to `events`, in order. Bytes that
    /// do not yet complete anything are buffered. Throws on the first violation; after that
    /// the parser is dead and throws the same error again.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer,
                               into events: inout [HTTPParserEvent]) throws(HTTPParseError) {
        fatalError("not yet written")
    }
}
