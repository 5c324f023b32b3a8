/// Every limit the server enforces, in one place, with its documented default.
///
/// Each limit is tripped by a test in `Tests/BylineHTTPTests` (see `ServerLimitsTests`
/// and the integration suite). Sizes are in bytes, times in milliseconds.
public struct ServerLimits: Sendable, Equatable, Codable {
    /// Longest request line (`method SP request-target SP HTTP-version`), excluding CRLF.
    /// Over it: 414 URI Too Long (RFC 9112 §3: servers SHOULD accept at least 8000 octets).
    public var maxRequestLineBytes: Int = 8192
    /// Total bytes of the header section after the request line. Over it: 431 (RFC 6585 §5).
    public var maxHeaderBytes: Int = 16384
    /// Number of header field lines. Over it: 431.
    public var maxHeaderCount: Int = 100
    /// Largest request body (Content-Length or the sum of chunk sizes). Over it: 413,
    /// answered as soon as the length is known, without reading the body.
    public var maxBodyBytes: Int = 8 * 1024 * 1024
    /// Time from the first byte of a request (or from accept) to the end of its head.
    /// Over it: 408 and close. This is the slowloris defence.
    public var headTimeoutMs: Int = 10_000
    /// Longest silence while a request body is being received. Over it: 408 and close.
    public var bodyReadTimeoutMs: Int = 10_000
    /// Longest wait for a slow reader to accept response bytes before the connection is cut.
    public var writeTimeoutMs: Int = 30_000
    /// How long an idle keep-alive connection is kept open between requests.
    public var keepAliveIdleTimeoutMs: Int = 15_000
    /// Requests served on one connection before the server answers `Connection: close`.
    public var maxRequestsPerConnection: Int = 1000
    /// Open client connections per server. Over it, new connections are closed at once
    /// (after a best-effort 503), without stalling the event loop.
    public var maxConnections: Int = 4096
    /// On SIGTERM/SIGINT, how long in-flight requests may take before the process exits.
    public var drainTimeoutMs: Int = 10_000
    /// Complete pipelined requests queued on one connection before the server stops reading
    /// from it until it has answered some (back-pressure against a pipelining flood).
    public var maxPipelinedRequests: Int = 16
    /// After a final `Connection: close` response, how long the server keeps reading and
    /// discarding input so the peer gets that response rather than a reset (RFC 9112 §9.6).
    public var lingerTimeoutMs: Int = 2000
    /// HTTPS only: time from accept to a completed TLS handshake. Over it the connection
    /// is closed without a response (there is no secure channel to send one on). Shorter
    /// than `headTimeoutMs`, which also runs from accept: a sound handshake takes two round
    /// trips (RFC 8446 §2), so only a stalled or hostile peer needs longer.
    public var tlsHandshakeTimeoutMs: Int = 5000
    /// Slowest average rate a request body may arrive at. The body's deadline is
    /// `bodyReadTimeoutMs` after its head, extended by one second per this many bytes
    /// received, so a client dripping a byte now and then (R-U-Dead-Yet) is cut however
    /// often it sends (the rule of Apache's mod_reqtimeout `MinRate`). 0 turns the rule off,
    /// leaving only the silence limit. Over it: 408 and close.
    public var minBodyBytesPerSecond: Int = 1024
    /// Slowest average rate a client may take a response at once the socket's buffer is
    /// full. From the moment output backs up, the reader gets `writeTimeoutMs` plus one
    /// second per this many bytes it takes; a reader draining a few bytes at a time (slow
    /// read) is cut even though it keeps making progress. 0 turns the rule off.
    public var minSendBytesPerSecond: Int = 1024

    public init() {}
}
