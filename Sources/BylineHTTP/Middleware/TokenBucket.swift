/// A token bucket (the classic shaper): it holds up to `burst` tokens, gains `ratePerSecond`
/// of them continuously, and each request takes one. Time comes in as an argument, so it
/// is driven by whichever monotonic clock the caller holds (a fake one in tests).
struct TokenBucket: Sendable, Equatable {
    private(set) var tokens: Double
    private(set) var updated: MonotonicInstant

    /// A new client starts with a full bucket.
    init(policy: RateLimitPolicy, now: MonotonicInstant) {
        tokens = Double(policy.burst)
        updated = now
    }

    /// Takes one token if there is one; either way reports what the headers need.
    mutating func take(now: MonotonicInstant, policy: RateLimitPolicy) -> RateLimitDecision {
        refill(now: now, policy: policy)
        let allowed = tokens >= 1
        if allowed { tokens -= 1 }
        let burst = Double(policy.burst)
        let reset = Self.seconds((burst - tokens) / policy.ratePerSecond)
        if allowed {
            return RateLimitDecision(allowed: true, remaining: Int(tokens), resetSeconds: reset,
                                     retryAfterSeconds: 0, policy: policy)
        }
        let retryAfter = max(1, Self.seconds((1 - tokens) / policy.ratePerSecond))
        return RateLimitDecision(allowed: false, remaining: 0, resetSeconds: reset,
                                 retryAfterSeconds: retryAfter, policy: policy)
    }

    /// Whether the bucket is full at `now`: such a client is indistinguishable from a new
    /// one, so its entry can be dropped without changing any future answer.
    func isFull(at now: MonotonicInstant, policy: RateLimitPolicy) -> Bool {
        tokens + Self.elapsedSeconds(from: updated, to: now) * policy.ratePerSecond >= Double(policy.burst)
    }

    private mutating func refill(now: MonotonicInstant, policy: RateLimitPolicy) {
        let gained = Self.elapsedSeconds(from: updated, to: now) * policy.ratePerSecond
        tokens = min(Double(policy.burst), tokens + gained)
        if now > updated { updated = now }
    }

    private static func elapsedSeconds(from earlier: MonotonicInstant, to now: MonotonicInstant) -> Double {
        now > earlier ? Double(now.nanoseconds - earlier.nanoseconds) / 1_000_000_000 : 0
    }

    /// Whole seconds, rounded up: a client told to wait must not come back too early.
    private static func seconds(_ value: Double) -> Int {
        max(0, Int((value - 1e-9).rounded(.up)))
    }
}

/// What one request's take from its bucket decided, with the figures for the headers.
public struct RateLimitDecision: Sendable, Equatable {
    public var allowed: Bool
    /// Whole tokens left after this request (draft-08 `r`).
    public var remaining: Int
    /// Seconds until the bucket is full again (draft-08 `t`).
    public var resetSeconds: Int
    /// When refused: seconds until one token is back (RFC 9110 §10.2.3 `Retry-After`).
    public var retryAfterSeconds: Int
    public var policy: RateLimitPolicy

    /// `RateLimit` (draft-ietf-httpapi-ratelimit-headers-08 §4): `"name";r=<remaining>;t=<reset>`.
    public var rateLimitField: String {
        "\"" + policy.name + "\";r=" + String(remaining) + ";t=" + String(resetSeconds)
    }
}
