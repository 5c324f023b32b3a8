import BylineConcurrency

/// The context new connections use. Every event loop reads it on accept; a reload swaps
/// it. The old context lives on for as long as connections accepted under it do.
final class TLSContextSlot: Sendable {
    private let current: Locked<TLSContext>

    init(_ context: TLSContext) {
        current = Locked(context)
    }

    var context: TLSContext { current.withLock { $0 } }

    func replace(with context: TLSContext) {
        current.withLock { $0 = context }
    }
}
