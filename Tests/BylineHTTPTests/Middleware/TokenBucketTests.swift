import Testing
@testable import BylineHTTP

/// The bucket arithmetic, on a clock the test moves by hand.
struct TokenBucketTests {
    let policy = RateLimitPolicy(name: "address", ratePerSecond: 2, burst: 4)
    let start = MonotonicInstant(nanoseconds: 5_000_000_000)

    func after(_ seconds: Double) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: start.nanoseconds + UInt64(seconds * 1_000_000_000))
    }

    @Test func burstPassesThenTheBucketRefuses() {
        var bucket = TokenBucket(policy: policy, now: start)
        let remaining = (0..<4).map { _ in bucket.take(now: start, policy: policy) }
        #expect(remaining.allSatisfy { $0.allowed })
        #expect(remaining.map(\.remaining) == [3, 2, 1, 0])
        let refused = bucket.take(now: start, policy: policy)
        #expect(!refused.allowed)
        #expect(refused.remaining == 0)
        // One token comes back in 1 / rate = 0.5 s, rounded up to whole seconds.
        #expect(refused.retryAfterSeconds == 1)
        // Empty → full takes burst / rate = 2 s.
        #expect(refused.resetSeconds == 2)
    }

    @Test func tokensRefillAtTheRateAndNoFurtherThanTheBurst() {
        var bucket = TokenBucket(policy: policy, now: start)
        for _ in 0..<4 { _ = bucket.take(now: start, policy: policy) }
        #expect(!bucket.take(now: after(0.4), policy: policy).allowed)
        let next = bucket.take(now: after(0.5), policy: policy)
        #expect(next.allowed && next.remaining == 0)
        // An hour idle refills to the burst, not to 7200 tokens.
        let later = bucket.take(now: after(3600), policy: policy)
        #expect(later.allowed && later.remaining == 3)
        #expect(later.resetSeconds == 1)
    }

    @Test func aClockThatDoesNotAdvanceGivesNothing() {
        var bucket = TokenBucket(policy: policy, now: after(10))
        for _ in 0..<4 { _ = bucket.take(now: after(10), policy: policy) }
        // An earlier instant (as from another thread's stale reading) must not mint tokens.
        #expect(!bucket.take(now: after(9), policy: policy).allowed)
    }

    @Test func fullnessIsWhatEvictionRelies() {
        var bucket = TokenBucket(policy: policy, now: start)
        #expect(bucket.isFull(at: start, policy: policy))
        _ = bucket.take(now: start, policy: policy)
        #expect(!bucket.isFull(at: after(0.4), policy: policy))
        #expect(bucket.isFull(at: after(0.5), policy: policy))
    }

    @Test func slowRatesRoundRetryAfterUp() {
        let slow = RateLimitPolicy(name: "slow", ratePerSecond: 0.1, burst: 1)
        var bucket = TokenBucket(policy: slow, now: start)
        #expect(bucket.take(now: start, policy: slow).allowed)
        let refused = bucket.take(now: after(2.5), policy: slow)
        #expect(!refused.allowed)
        #expect(refused.retryAfterSeconds == 8)  // 7.5 s left, never announced as 7
    }

    /// draft-ietf-httpapi-ratelimit-headers-08 §3 and §4.
    @Test func headerFieldsFollowTheDraft() {
        #expect(policy.policyField == "\"address\";q=4;w=2")
        #expect(RateLimitPolicy(name: "key", ratePerSecond: 3, burst: 10).policyField == "\"key\";q=10;w=4")
        var bucket = TokenBucket(policy: policy, now: start)
        #expect(bucket.take(now: start, policy: policy).rateLimitField == "\"address\";r=3;t=1")
    }
}
