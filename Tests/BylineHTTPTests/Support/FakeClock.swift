import BylineHTTP
import BylineConcurrency

/// A monotonic clock that moves only when a test says so: rate limit tests never sleep.
final class FakeClock: Sendable {
    private let now = Locked(MonotonicInstant(nanoseconds: 1_000_000_000_000))

    func advance(milliseconds: Int) {
        now.withLock { $0 = $0.adding(milliseconds: milliseconds) }
    }

    func advance(seconds: Double) {
        now.withLock { $0 = MonotonicInstant(nanoseconds: $0.nanoseconds + UInt64(seconds * 1_000_000_000)) }
    }

    var read: @Sendable () -> MonotonicInstant {
        { [self] in self.now.withLock { $0 } }
    }
}
