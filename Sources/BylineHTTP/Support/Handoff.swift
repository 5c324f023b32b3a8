import Dispatch

/// A value one thread hands to another, once: the sender calls `fulfil`, the receiver
/// `wait`s for it (as often as it likes). A semaphore, not a lock, because the receiver
/// blocks: the streamed-body producer waiting for the event loop to take its bytes, a batch
/// request waiting for the chunk computed beside it.
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    // Written once before `signal`, read after `wait`: the semaphore orders the two.
    private var value: Value?

    public init() {}

    public func fulfil(_ value: Value) {
        self.value = value
        semaphore.signal()
    }

    /// The value, once fulfilled.
    public func wait() -> Value {
        semaphore.wait()
        semaphore.signal()  // for the next wait
        return value!
    }

    /// The value, or nil when it is not fulfilled within `timeoutMs`.
    public func wait(timeoutMs: Int) -> Value? {
        guard semaphore.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success else { return nil }
        semaphore.signal()
        return value
    }
}
