import BylineConcurrency

/// Who a request is charged to: a valid API key, or else the client's address.
public enum RateLimitClient: Sendable, Hashable {
    case key(APIKeys.Identity)
    case address(String)
}

/// The token buckets of every client seen recently, in bounded memory.
///
/// A bucket that has refilled completely is the same as no bucket, so idle clients are
/// dropped by a sweep at most every `sweepInterval`; and the table never holds more than
/// `maxClients`: when a new client would exceed it, full buckets go first, then the least
/// recently used half (forgiving their debt — the price of a bound under an address flood).
public final class RateLimiter: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// Clients presenting a valid API key, per key.
        public var keyed: RateLimitPolicy
        /// Everyone else, per address (IPv4 address, or IPv6 /64).
        public var anonymous: RateLimitPolicy
        /// Most clients tracked at once.
        public var maxClients: Int
        /// Least time between sweeps of idle clients, in milliseconds.
        public var sweepIntervalMs: Int

        public init(keyed: RateLimitPolicy = RateLimitPolicy(name: "key", ratePerSecond: 50, burst: 100),
                    anonymous: RateLimitPolicy = RateLimitPolicy(name: "address", ratePerSecond: 10, burst: 40),
                    maxClients: Int = 100_000, sweepIntervalMs: Int = 60_000) {
            self.keyed = keyed
            self.anonymous = anonymous
            self.maxClients = max(1, maxClients)
            self.sweepIntervalMs = sweepIntervalMs
        }
    }

    private struct State {
        var buckets: [RateLimitClient: TokenBucket] = [:]
        var lastSweep: MonotonicInstant
    }

    public let configuration: Configuration
    private let clock: @Sendable () -> MonotonicInstant
    private let state: Locked<State>

    /// - Parameter clock: the monotonic clock; tests pass a fake one and never sleep.
    public init(configuration: Configuration = Configuration(),
                clock: @escaping @Sendable () -> MonotonicInstant = MonotonicInstant.now) {
        self.configuration = configuration
        self.clock = clock
        self.state = Locked(State(lastSweep: clock()))
    }

    public func policy(for client: RateLimitClient) -> RateLimitPolicy {
        if case .key = client { return configuration.keyed }
        return configuration.anonymous
    }

    /// Charges one request to `client`.
    public func take(_ client: RateLimitClient) -> RateLimitDecision {
        let now = clock()
        let policy = policy(for: client)
        return state.withLock { state in
            if now.milliseconds(since: state.lastSweep) >= Double(configuration.sweepIntervalMs) {
                sweep(&state, now: now)
            }
            // One hash of the client for the common case, a known client.
            if let index = state.buckets.index(forKey: client) {
                return state.buckets.values[index].take(now: now, policy: policy)
            }
            if state.buckets.count >= configuration.maxClients {
                sweep(&state, now: now)
                if state.buckets.count >= configuration.maxClients { evictLeastRecentHalf(&state) }
            }
            var bucket = TokenBucket(policy: policy, now: now)
            let decision = bucket.take(now: now, policy: policy)
            state.buckets[client] = bucket
            return decision
        }
    }

    /// Clients currently tracked (for tests and metrics).
    public var trackedClients: Int {
        state.withLock { $0.buckets.count }
    }

    private func sweep(_ state: inout State, now: MonotonicInstant) {
        state.buckets = state.buckets.filter { client, bucket in
            !bucket.isFull(at: now, policy: policy(for: client))
        }
        state.lastSweep = now
    }

    private func evictLeastRecentHalf(_ state: inout State) {
        let byAge = state.buckets.sorted { $0.value.updated < $1.value.updated }
        for (client, _) in byAge.prefix(max(1, byAge.count / 2)) {
            state.buckets[client] = nil
        }
    }
}
