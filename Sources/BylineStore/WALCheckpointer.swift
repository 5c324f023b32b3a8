import Dispatch
import GRDB
import BylineConcurrency

/// Copies the write-ahead log back into the database file on a connection and thread of its
/// own, so the ingest writer does not.
///
/// SQLite's automatic checkpoint runs inside the commit of whichever transaction pushes the
/// log past its threshold: on this store, the group commit every ingest waits for. At 60,000
/// articles that copy was a tenth of the serial writer's time. A passive checkpoint needs no
/// writer lock (SQLite lets it run beside a writer and readers; it copies the frames committed
/// when it starts), so here one runs after each commit, coalesced: at most one at a time and
/// one more queued. The writer keeps an automatic checkpoint at a much higher threshold
/// (`backstopPages`) as a bound on the log should this one fall behind or fail.
final class WALCheckpointer: Sendable {
    /// The writer's own automatic checkpoint threshold, in pages: 64 MiB of log at 4 KiB pages.
    static let backstopPages = 16_384

    private let connection: DatabaseQueue
    private let queue = DispatchQueue(label: "byline.store.checkpoint")
    private struct State {
        var running = false
        var again = false
    }
    private let state = Locked(State())

    /// A connection to the database at `path` for checkpoints only (the store has opened it
    /// and set WAL mode already).
    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "byline.store.checkpoint"
        configuration.busyMode = .timeout(5)
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Asks for a checkpoint after a commit. Returns at once.
    func request() {
        let start = state.withLock { state -> Bool in
            if state.running {
                state.again = true
                return false
            }
            state.running = true
            return true
        }
        if start { queue.async { [self] in run() } }
    }

    private func run() {
        while true {
            // SQLITE_BUSY (another checkpoint, the writer's backstop, is under way) and
            // storage failures leave the frames for the next attempt or the backstop.
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            let again = state.withLock { state -> Bool in
                if state.again {
                    state.again = false
                    return true
                }
                state.running = false
                return false
            }
            if !again { return }
        }
    }

    /// Waits until no checkpoint is running or queued (for tests).
    func waitUntilIdle() {
        while state.withLock({ $0.running }) {
            queue.sync {}
        }
    }
}
