import ArgumentParser
import BylineAPI
import BylineHTTP
import BylineStore
import Dispatch
import Foundation
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP API server (seeds are loaded into an empty store).")

    @OptionGroup var options: SettingsOptions

    func run() throws {
        let settings: Settings
        do {
            settings = try options.resolve()
        } catch {
            throw ValidationError("\(error)")
        }
        bootstrapLogging(level: settings.logLevel)
        let logger = Logger(label: "byline")

        let store = try ArticleStore(path: settings.database, maxDatabaseBytes: settings.maxDatabaseBytes)
        if let seeds = settings.seeds, try store.count() == 0 {
            let loaded = try SeedLoader.load(directory: seeds, into: store, logger: logger)
            logger.info("seeds loaded", metadata: ["directory": .string(seeds), "articles": .stringConvertible(loaded)])
        }

        var router = RouterBuilder()
        let metrics = ServiceMetrics()
        metrics.observeStore(databasePath: settings.database)
        BylineAPI(store: store, version: BylineCommand.version, articleCacheBytes: settings.articleCacheBytes,
                  readCacheBytes: settings.readCacheBytes,
                  metrics: metrics)
            .register(into: &router)
        let keys = APIKeys(hashes: settings.apiKeySHA256)
        let writes = WriteAuthorization(keys: keys, loopbackOnly: WriteAuthorization.isLoopback(host: settings.host))
        if writes.mode == .closed {
            logger.warning("writes disabled", metadata: [
                "reason": "listening on \(settings.host), beyond loopback, with no api_key_sha256 configured",
                "fix": "set BYLINE_API_KEY_SHA256 to the output of `byline hash-key`",
            ])
        }
        let application = HTTPApplication(
            router: router.freeze(),
            middleware: Self.middleware(settings: settings, keys: keys, writes: writes, metrics: metrics),
            logger: Logger(label: "byline.http"))

        var configuration = HTTPServer.Configuration()
        configuration.host = settings.host
        configuration.port = settings.port
        configuration.limits = settings.limits
        configuration.eventLoopCount = settings.eventLoops
        configuration.accessLog = settings.accessLog
        configuration.tls = settings.tls
        let server = HTTPServer(configuration: configuration, responder: application,
                                logger: Logger(label: "byline.http"))
        try server.start()
        metrics.observeOpenConnections(of: server)
        logger.info("listening", metadata: [
            "address": .string("\(server.usesTLS ? "https" : "http")://\(settings.host.contains(":") ? "[\(settings.host)]" : settings.host):\(server.port)"),
            "database": .string(settings.database),
            "event_loops": .stringConvertible(settings.eventLoops),
        ])

        let signals = ShutdownSignals { signalName in
            logger.info("shutting down", metadata: ["signal": .string(signalName),
                                                    "drain_timeout_ms": .stringConvertible(settings.limits.drainTimeoutMs)])
            server.shutdown()
        }
        let reload = ReloadSignal {
            guard server.usesTLS else {
                logger.notice("SIGHUP ignored: no TLS certificate to reload")
                return
            }
            do {
                let tls = try server.reloadTLS()
                logger.info("TLS certificate reloaded", metadata: ["tls_cert": .string(tls.certificateChainPath)])
            } catch {
                logger.error("TLS certificate reload failed; the previous one stays in use",
                             metadata: ["error": .string("\(error)")])
            }
        }
        server.waitUntilStopped()
        signals.cancel()
        reload.cancel()
        logger.info("stopped")
    }

    /// Outermost first: metrics see every final status (429s included); CORS headers reach
    /// every answer a page may read (errors included); rate limits come before authorization,
    /// so guessing keys is throttled too.
    static func middleware(settings: Settings, keys: APIKeys, writes: WriteAuthorization,
                           metrics: ServiceMetrics) -> [any HTTPMiddleware] {
        let policy = settings.clientPolicy
        var chain: [any HTTPMiddleware] = [
            RequestMetricsMiddleware(factory: metrics.factory),
            CORSMiddleware(policy: policy.corsPolicy, logger: Logger(label: "byline.http")),
        ]
        if policy.rateLimitEnabled {
            let limiter = RateLimiter(configuration: policy.rateLimit)
            metrics.observeRateLimitClients { limiter.trackedClients }
            chain.append(RateLimitMiddleware(limiter: limiter, keys: keys, trustedProxies: policy.trustedProxies,
                                             logger: Logger(label: "byline.http")))
        }
        chain.append(writes)
        return chain + HTTPApplication.standardMiddleware(
            compression: CompressionPolicy(minimumBytes: settings.compressionMinBytes))
    }
}

/// SIGTERM and SIGINT start a graceful shutdown. Dispatch sources, not signal handlers:
/// the handler runs as ordinary code on a queue.
final class ShutdownSignals: @unchecked Sendable {  // sources are immutable after init
    private let sources: [any DispatchSourceSignal]

    init(onSignal: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "byline.signals")
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onSignal(name) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func cancel() { sources.forEach { $0.cancel() } }
}

/// SIGHUP reloads the TLS certificate and key from their files (as nginx does), for
/// certificate renewal without a restart. Open connections are not touched.
final class ReloadSignal: @unchecked Sendable {  // the source is immutable after init
    private let source: any DispatchSourceSignal

    init(onSignal: @escaping @Sendable () -> Void) {
        signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "byline.reload"))
        source.setEventHandler { onSignal() }
        source.resume()
    }

    func cancel() { source.cancel() }
}

func bootstrapLogging(level: String) {
    let logLevel = Logger.Level(rawValue: level) ?? .info
    LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: logLevel) }
}
