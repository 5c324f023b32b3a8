/// One token bucket's shape: `burst` requests at once, refilled at `ratePerSecond`.
///
/// Announced with the fields of draft-ietf-httpapi-ratelimit-headers-08 (§3, §4): a bucket
/// of capacity `burst` that refills in `burst / ratePerSecond` seconds is the quota
/// `q=burst` per window `w=ceil(burst / ratePerSecond)`.
public struct RateLimitPolicy: Sendable, Equatable {
    /// The policy's name in the `RateLimit-Policy` and `RateLimit` fields (an sf-string).
    public let name: String
    public let ratePerSecond: Double
    public let burst: Int
    /// `RateLimit-Policy` (draft-08 §3): `"name";q=<quota>;w=<window seconds>`. Built once:
    /// every charged response carries it.
    public let policyField: String

    public init(name: String, ratePerSecond: Double, burst: Int) {
        precondition(ratePerSecond > 0 && burst >= 1, "a rate limit needs a positive rate and a burst of at least 1")
        self.name = name
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        let window = max(1, Int((Double(burst) / ratePerSecond).rounded(.up)))
        policyField = "\"\(name)\";q=\(burst);w=\(window)"
    }

    /// Seconds for an empty bucket to fill again: the policy's window.
    public var windowSeconds: Int {
        max(1, Int((Double(burst) / ratePerSecond).rounded(.up)))
    }
}
