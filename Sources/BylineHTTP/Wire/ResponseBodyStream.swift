/// A response body produced while it is being sent, for answers that are worth reading
/// before they are complete (a batch whose results arrive one by one). On HTTP/1.1 it goes
/// out with chunked transfer coding (RFC 9112 §7.1); to an HTTP/1.0 client, which cannot
/// read chunks, it is delimited by closing the connection (RFC 9112 §6.3, rule 8).
///
/// `produce` runs off the event loop and may block. Each `write` returns once the bytes are
/// queued and the connection's backlog is small again, so a client that reads slowly slows
/// the producer down instead of growing a buffer; it returns false once the client is gone,
/// and the producer should stop. A producer that throws aborts the response: the connection
/// is closed without the last chunk, which tells the client the body is incomplete.
public struct ResponseBodyStream: Sendable {
    public let produce: @Sendable (any ResponseBodyWriter) throws -> Void

    public init(_ produce: @escaping @Sendable (any ResponseBodyWriter) throws -> Void) {
        self.produce = produce
    }
}

/// Where a streamed body's bytes go.
public protocol ResponseBodyWriter: Sendable {
    /// Queues `bytes` (one chunk); false when the connection is gone and nothing more can be sent.
    func write(_ bytes: [UInt8]) -> Bool
}

extension ResponseSerializer {
    /// The frame of one chunk: size in hex, CRLF, data, CRLF (RFC 9112 §7.1).
    public static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        var framed = Array((String(bytes.count, radix: 16) + "\r\n").utf8)
        framed.reserveCapacity(framed.count + bytes.count + 2)
        framed.append(contentsOf: bytes)
        framed.append(contentsOf: [0x0D, 0x0A])
        return framed
    }

    /// The last chunk with an empty trailer section (RFC 9112 §7.1.2).
    public static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)
}
