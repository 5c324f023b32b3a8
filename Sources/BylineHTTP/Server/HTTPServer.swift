import Dispatch
import Foundation
import Glibc
import Logging

/// Our HTTP/1.1 server: one listening socket, one epoll event loop per core, and a Dispatch
/// queue for handlers that may block.
public final class HTTPServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host: String = "127.0.0.1"
        /// 0 picks an ephemeral port; `HTTPServer.port` tells which.
        public var port: Int = 8080
        public var limits = ServerLimits()
        /// Event loops; default one per core.
        public var eventLoopCount: Int = ProcessInfo.processInfo.activeProcessorCount
        public var backlog: Int32 = 1024
        public var accessLog: Bool = true
        /// Certificate and key: set, the server speaks HTTPS only (TLS 1.2 and 1.3; see
        /// `TLSContext` for the policy).
        public var tls: TLSConfiguration?
        public init() {}
    }

    public let configuration: Configuration
    public private(set) var port: Int = 0
    private let responder: any HTTPResponder
    private let logger: Logger
    private var loops: [EventLoop] = []
    private var listenFD: Int32 = -1
    private let stopped = DispatchGroup()
    private let counter = ConnectionCounter()
    private let stateLock = NSLock()
    private var shuttingDown = false
    private var tlsContexts: TLSContextSlot?

    public init(configuration: Configuration, responder: any HTTPResponder,
                logger: Logger = Logger(label: "byline.http")) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Open connections right now, across all loops.
    public var openConnections: Int { counter.value }

    /// Binds, starts the loops and returns. Throws if the address cannot be bound.
    public func start() throws {
        // A peer that vanishes mid-write must give EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        // The certificate is checked before the port is taken: a bad one fails the start.
        if let tls = configuration.tls {
            tlsContexts = TLSContextSlot(try TLSContext(configuration: tls))
        }
        let (fd, boundPort) = try Socket.listen(host: configuration.host, port: configuration.port,
                                                backlog: configuration.backlog)
        listenFD = fd
        port = boundPort
        let accessLog = configuration.accessLog ? HTTPServer.accessLogWriter(logger) : nil
        let offloadQueue = DispatchQueue(label: "byline.handlers", qos: .userInitiated, attributes: .concurrent)
        for index in 0..<max(1, configuration.eventLoopCount) {
            let loop = try EventLoop(index: index, listenFD: fd, limits: configuration.limits,
                                     responder: responder, counter: counter, offloadQueue: offloadQueue,
                                     accessLog: accessLog, logger: logger, tlsContexts: tlsContexts)
            loops.append(loop)
            stopped.enter()
            let thread = Thread { [stopped] in
                loop.run()
                stopped.leave()
            }
            thread.name = "byline-loop-\(index)"
            thread.start()
        }
    }

    private static func accessLogWriter(_ logger: Logger) -> @Sendable (AccessLogEntry) -> Void {
        { entry in
            let metadata: Logger.Metadata = [
                "method": .string(entry.method),
                "path": .string(entry.path),
                "status": .stringConvertible(entry.status),
                "bytes": .stringConvertible(entry.bytes),
                "duration_ms": .stringConvertible((entry.durationMs * 1000).rounded() / 1000),
                "request_id": .string(entry.requestID),
                "remote": .string(entry.remoteAddress),
            ]
            logger.info("access", metadata: metadata)
        }
    }

    /// Reloads the certificate and key (the configured files, or `replacement`) into a new
    /// TLS context for connections accepted from now on; open connections keep the context
    /// they started with and are not interrupted. On error the current context stays.
    /// Returns the configuration now in use. Throws `TLSError.context` on a plain-HTTP server.
    @discardableResult
    public func reloadTLS(_ replacement: TLSConfiguration? = nil) throws -> TLSConfiguration {
        stateLock.lock()
        let slot = tlsContexts
        stateLock.unlock()
        guard let slot else { throw TLSError.context(reason: "this server was not started with TLS") }
        let context = try TLSContext(configuration: replacement ?? slot.context.configuration)
        slot.replace(with: context)
        return context.configuration
    }

    /// True when the server speaks HTTPS.
    public var usesTLS: Bool { configuration.tls != nil }

    /// Graceful shutdown: stop accepting, finish in-flight requests, close idle connections;
    /// after `limits.drainTimeoutMs` whatever is left is closed.
    public func shutdown() {
        stateLock.lock()
        defer { stateLock.unlock() }
        guard !shuttingDown else { return }
        shuttingDown = true
        let deadline = MonotonicInstant.now().adding(milliseconds: configuration.limits.drainTimeoutMs)
        for loop in loops { loop.beginDrain(deadline: deadline) }
    }

    /// Blocks until every loop has exited after `shutdown()`, then releases the socket.
    public func waitUntilStopped() {
        stopped.wait()
        if listenFD >= 0 { close(listenFD); listenFD = -1 }
        loops.removeAll()
    }
}
