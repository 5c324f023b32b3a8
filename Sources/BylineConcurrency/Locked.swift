import Glibc

/// A value behind a lock: the `Mutex` of the standard library's Synchronization module,
/// with a pthread mutex inside.
///
/// Why not `Synchronization.Mutex`: on Linux it locks with raw futex system calls, which
/// ThreadSanitizer cannot see, so every value it guards is reported as a data race from
/// time to time (it was, in `GroupCommit` and the batch ingest, while the code was correct),
/// and a race report that is sometimes false is one nobody reads. ThreadSanitizer intercepts
/// `pthread_mutex_lock`; uncontended, both are one atomic instruction each way.
public final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    // Read and written only between lock and unlock.
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock.
    @inlinable
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body(&storage)
    }

    @usableFromInline
    var storage: Value {
        get { value }
        _modify { yield &value }
    }

    @usableFromInline
    func lock() {
        pthread_mutex_lock(mutex)
    }

    @usableFromInline
    func unlock() {
        pthread_mutex_unlock(mutex)
    }
}
