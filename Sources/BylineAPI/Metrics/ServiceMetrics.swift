import BylineHTTP
import CoreMetrics
import Glibc
import Prometheus
import BylineConcurrency

/// The server's Prometheus registry and the metrics the API itself keeps: ingest counts and
/// durations, open connections and the store's size on disk. Request counts and latencies
/// come from `RequestMetricsMiddleware` through `factory`, into the same registry.
///
/// One instance per server, injected (not swift-metrics' global bootstrap), so tests and
/// several servers in one process each keep their own figures.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// For swift-metrics clients (the HTTP middleware): its timers become histograms here.
    public let factory: PrometheusMetricsFactory

    /// Request latencies on this server run from tens of microseconds (cached reads) to
    /// seconds (ingest under load); swift-prometheus' default buckets start at 5 ms.
    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    // Computed: swift-prometheus' descriptor is not Sendable, so it cannot be a stored static.
    static var ingestTotal: MetricNameDescriptor { MetricNameDescriptor(namespace: "byline", metricName: "ingest", unitName: "total",
                                                  helpText: "Ingest requests by outcome") }
    static var storeBytes: MetricNameDescriptor { MetricNameDescriptor(namespace: "byline", metricName: "store", unitName: "bytes",
                                                 helpText: "Size of the store's SQLite files on disk") }

    private let ingestDuration: DurationHistogram
    private let commitDuration: DurationHistogram
    private let committedArticles: Prometheus.Counter
    private let openConnections: Prometheus.Gauge
    private let samplers = Locked<[@Sendable () -> Void]>([])

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.factory = factory
        ingestDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "byline", subsystem: "ingest", metricName: "duration",
                                             unitName: "seconds",
                                             helpText: "Time to read, analyse and durably store one ingested article"),
            labels: [], buckets: Self.latencyBuckets)
        commitDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "byline", subsystem: "store", metricName: "commit_duration",
                                             unitName: "seconds",
                                             helpText: "Time the serial writer spent on each ingest transaction"),
            labels: [], buckets: Self.latencyBuckets)
        committedArticles = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "byline", subsystem: "store", metricName: "transaction_articles", unitName: "total",
            helpText: "Articles handed to ingest transactions (over the commit duration's count: articles per transaction)"))
        openConnections = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "byline", subsystem: "http", metricName: "open", unitName: "connections",
            helpText: "Client connections open at the moment of the scrape"))
    }

    /// Runs one ingest, counting it by outcome and timing it. Outcomes: `created`,
    /// `existing` (the same content was already stored), `rejected` (4xx), `failed` (5xx).
    func ingest(_ body: () throws -> HTTPResponse) rethrows -> HTTPResponse {
        let started = MonotonicInstant.now()
        var outcome = "failed"
        defer {
            let elapsed = MonotonicInstant.now().nanoseconds &- started.nanoseconds
            ingestDuration.record(.nanoseconds(Int64(clamping: elapsed)))
            registry.makeCounter(descriptor: Self.ingestTotal, labels: [("outcome", outcome)]).increment()
        }
        do {
            let response = try body()
            outcome = response.status == .created ? "created" : "existing"
            return response
        } catch {
            outcome = ProblemMapper.problem(for: error).status.code < 500 ? "rejected" : "failed"
            throw error
        }
    }

    /// Counts one line of a batch ingest by outcome, as `ingest` counts a single ingest (a
    /// batch's lines are not timed one by one: they share analysis and transactions).
    func countIngest(status: Int) {
        let outcome = switch status {
        case 201: "created"
        case 200..<300: "existing"
        case ..<500: "rejected"
        default: "failed"
        }
        registry.makeCounter(descriptor: Self.ingestTotal, labels: [("outcome", outcome)]).increment()
    }

    /// Records one ingest transaction of the store (`ArticleStore.observeCommits`).
    func recordCommit(articles: Int, duration: Duration) {
        commitDuration.record(duration)
        committedArticles.increment(by: Int64(articles))
    }

    /// Reports the server's open connections as a gauge at each scrape (the server exists
    /// only after the routes that serve the scrape, hence set later).
    ///
    /// Held weakly: the server holds those routes and `GET /metrics` holds this registry, so
    /// a strong reference is a cycle that keeps a stopped server, its store and the store's
    /// SQLite connections alive for good. A server that is gone has no connections open.
    public func observeOpenConnections(of server: HTTPServer) {
        let gauge = openConnections
        samplers.withLock { $0.append { [weak server] in gauge.set(Int64(server?.openConnections ?? 0)) } }
    }

    /// Reports `read()` as the number of clients the rate limiter tracks, at each scrape: a
    /// table near `rate_limit_max_clients` means an address flood (or a limit set too low).
    public func observeRateLimitClients(_ read: @escaping @Sendable () -> Int) {
        let gauge = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "byline", subsystem: "rate_limit", metricName: "tracked", unitName: "clients",
            helpText: "Clients (API keys and addresses) with a rate limit bucket"))
        samplers.withLock { $0.append { gauge.set(Int64(read())) } }
    }

    /// Reports the SQLite database's files (the main file and its write-ahead log) at each scrape.
    public func observeStore(databasePath: String) {
        let files = [("database", databasePath), ("wal", databasePath + "-wal")]
        let gauges = files.map { file, path in
            (path, registry.makeGauge(descriptor: Self.storeBytes, labels: [("file", file)]))
        }
        samplers.withLock {
            $0.append {
                for (path, gauge) in gauges { gauge.set(Int64(ServiceMetrics.fileSize(path))) }
            }
        }
    }

    /// The Prometheus text exposition format 0.0.4, after refreshing the sampled gauges.
    func exposition() -> [UInt8] {
        for sample in samplers.withLock({ $0 }) { sample() }
        return registry.emitToBuffer()
    }

    /// Bytes of the file at `path`; 0 when it does not exist (a WAL between checkpoints).
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
