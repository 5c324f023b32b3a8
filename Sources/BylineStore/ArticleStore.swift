import Foundation
import GRDB
import Synchronization
import BylineConcurrency

/// Articles in SQLite, through GRDB.
///
/// On disk the store is a `DatabasePool` in WAL mode, so reads run concurrently with the one
/// writer, with `synchronous = FULL`: an ingest returns only once its commit is durable.
/// Every public method is synchronous and thread-safe; callers on an event loop must offload.
public final class ArticleStore: Sendable {
    let writer: any DatabaseWriter
    let clock: @Sendable () -> Date
    /// Every ingest goes through it: one transaction (one WAL sync) for all the articles
    /// queued while the previous one was written.
    let ingestWriter: GroupCommit<NewArticleRow, Result<IngestOutcome, any Error>>
    private let changeObservers = Locked<[@Sendable ([String]) -> Void]>([])
    private let commitObservers: CommitObservers
    /// Checkpoints the write-ahead log off the writer's path; nil in memory.
    let checkpointer: WALCheckpointer?
    private let writes = Atomic<UInt64>(0)

    /// Counts committed writes (ingests that stored something, deletes). Whatever was read
    /// while it had one value may differ once it has another: read it before reading, and
    /// a rendering made then is current while it is unchanged. It changes before the write's
    /// caller returns, so a client sees its own writes.
    public var generation: UInt64 { writes.load(ordering: .acquiring) }

    func noteWrite() {
        writes.add(1, ordering: .releasing)
    }

    /// Calls `observer`, after each committed write, with the IDs of the articles whose
    /// representation it changed besides the one written: members of stories merged, split
    /// or renamed, and articles whose quotes changed group (and a deleted article itself).
    /// Caches of rendered articles drop exactly these.
    public func observeChanges(_ observer: @escaping @Sendable ([String]) -> Void) {
        changeObservers.withLock { $0.append(observer) }
    }

    /// Calls `observer` after each ingest transaction (committed or not) with the number of
    /// articles it held and how long it took: the writer is serial, so the sum of these
    /// durations over a while, against the while, is how busy it is.
    public func observeCommits(_ observer: @escaping @Sendable (_ articles: Int, _ duration: Duration) -> Void) {
        commitObservers.add(observer)
    }

    func notifyChanged(_ ids: [String]) {
        guard !ids.isEmpty else { return }
        for observer in changeObservers.withLock({ $0 }) { observer(ids) }
    }

    /// Opens (creating if needed, with its parent directory) the store at `path` and brings
    /// its schema up to date.
    /// `maxDatabaseBytes` caps the database file (0: no cap); past it, writes fail as on a
    /// full disk (`StorageFailure.diskFull`) while reads go on.
    public convenience init(path: String, maxDatabaseBytes: Int = 0) throws {
        try self.init(path: path, maxDatabaseBytes: maxDatabaseBytes, clock: { Date() })
    }

    convenience init(path: String, maxDatabaseBytes: Int = 0, clock: @escaping @Sendable () -> Date) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: ArticleStore.configuration(maxDatabaseBytes: maxDatabaseBytes))
        // Without it (a file it may not write, say), the writer's backstop checkpoints alone.
        let checkpointer = try? WALCheckpointer(path: path)
        try self.init(writer: pool, clock: clock, checkpointer: checkpointer)
    }

    /// A store that lives in memory only, for tests and throwaway runs. WAL needs a file, so
    /// this one is a single-connection `DatabaseQueue`; the schema and behaviour are the same.
    public static func inMemory() throws -> ArticleStore {
        try inMemory(clock: { Date() })
    }

    static func inMemory(clock: @escaping @Sendable () -> Date) throws -> ArticleStore {
        try ArticleStore(writer: DatabaseQueue(configuration: configuration()), clock: clock)
    }

    private init(writer: any DatabaseWriter, clock: @escaping @Sendable () -> Date,
                 checkpointer: WALCheckpointer? = nil) throws {
        self.writer = writer
        self.clock = clock
        self.checkpointer = checkpointer
        let vectors = SignatureVectors()
        let commitObservers = CommitObservers()
        self.commitObservers = commitObservers
        self.ingestWriter = GroupCommit { rows in
            let started = ContinuousClock.now
            defer {
                commitObservers.notify(articles: rows.count, duration: ContinuousClock.now - started)
                checkpointer?.request()
            }
            return try ArticleStore.write(rows, writer: writer, vectors: vectors)
        }
        try StoreMigrations.migrator.migrate(writer)
    }

    /// Bytes of the database file mapped into memory (SQLite `mmap_size`): 1 GiB.
    static let mmapBytes = 1 << 30
    /// Page cache per connection (SQLite `cache_size`), in KiB: 16 MiB.
    static let pageCacheKiB = 16 * 1024

    private static func configuration(maxDatabaseBytes: Int = 0) -> Configuration {
        var configuration = Configuration()
        configuration.label = "byline.store"
        // Locks held briefly by another connection (the checkpointer's, a closing store's
        // last connection taking the log down, a backup tool) are waited for, not errors.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // FULL syncs the WAL on every commit: an acknowledged article survives power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if maxDatabaseBytes > 0 {
                // SQLite enforces the cap itself: a write that would grow the file past it
                // fails with SQLITE_FULL and is rolled back, exactly as on a full disk.
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maxDatabaseBytes / pageSize))")
            }
            // Pages through a shared memory map, and a larger page cache per connection: at
            // 10,000 articles the default 2 MiB cache had ingest spend a fifth of its time in
            // read(2) for pages it had just used.
            try db.execute(sql: "PRAGMA mmap_size = \(ArticleStore.mmapBytes)")
            try db.execute(sql: "PRAGMA cache_size = -\(ArticleStore.pageCacheKiB)")
            // `WALCheckpointer` checkpoints after each ingest; the automatic checkpoint inside
            // a commit stays only as a bound on the log.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.backstopPages)")
        }
        return configuration
    }

    /// The number of stored articles.
    public func count() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0 }
    }

    /// Whether the database answers a query: what readiness checks ask.
    public func isReachable() -> Bool {
        (try? writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }

    /// A PRAGMA's current value, for tests that check the durability settings.
    func pragma(_ name: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}

/// Who is told about each ingest transaction (`ArticleStore.observeCommits`). Its own object
/// so the group commit's closure can hold it without holding the store.
final class CommitObservers: Sendable {
    private let observers = Locked<[@Sendable (Int, Duration) -> Void]>([])

    func add(_ observer: @escaping @Sendable (Int, Duration) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    func notify(articles: Int, duration: Duration) {
        for observer in observers.withLock({ $0 }) { observer(articles, duration) }
    }
}
