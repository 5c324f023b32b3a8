import Testing
@testable import BylineHTTP

/// The table of buckets: per client, keyed apart from addresses, bounded in memory.
struct RateLimiterTests {
    let clock = FakeClock()

    func limiter(maxClients: Int = 1000, sweepIntervalMs: Int = 60_000) -> RateLimiter {
        RateLimiter(configuration: .init(keyed: RateLimitPolicy(name: "key", ratePerSecond: 10, burst: 5),
                                         anonymous: RateLimitPolicy(name: "address", ratePerSecond: 1, burst: 2),
                                         maxClients: maxClients, sweepIntervalMs: sweepIntervalMs),
                    clock: clock.read)
    }

    @Test func clientsHaveTheirOwnBuckets() {
        let limiter = limiter()
        let a = RateLimitClient.address("192.0.2.1"), b = RateLimitClient.address("192.0.2.2")
        #expect(limiter.take(a).allowed && limiter.take(a).allowed)
        #expect(!limiter.take(a).allowed)
        #expect(limiter.take(b).allowed)
    }

    @Test func keysGetTheKeyedPolicy() {
        let limiter = limiter()
        let key = RateLimitClient.key(APIKeys.Identity(digestPrefix: "00ff"))
        let decisions = (0..<6).map { _ in limiter.take(key) }
        #expect(decisions.prefix(5).allSatisfy { $0.allowed })
        #expect(!decisions[5].allowed)
        #expect(decisions[0].policy.name == "key")
    }

    @Test func refusedClientsAreServedAgainOnceTokensReturn() {
        let limiter = limiter()
        let a = RateLimitClient.address("192.0.2.1")
        _ = limiter.take(a); _ = limiter.take(a)
        let refused = limiter.take(a)
        #expect(!refused.allowed && refused.retryAfterSeconds == 1)
        clock.advance(milliseconds: 999)
        #expect(!limiter.take(a).allowed)
        clock.advance(milliseconds: 1)
        #expect(limiter.take(a).allowed)
    }

    @Test func idleClientsAreSweptAway() {
        let limiter = limiter(sweepIntervalMs: 10_000)
        for n in 0..<500 { _ = limiter.take(.address("10.0.\(n / 256).\(n % 256)")) }
        #expect(limiter.trackedClients == 500)
        // 10 s later every one of them has refilled (burst 2 at 1/s): the next request sweeps.
        clock.advance(seconds: 10)
        _ = limiter.take(.address("192.0.2.9"))
        #expect(limiter.trackedClients == 1)
    }

    @Test func busyClientsSurviveTheSweep() {
        let limiter = limiter(sweepIntervalMs: 1000)
        let busy = RateLimitClient.address("192.0.2.1")
        _ = limiter.take(.address("192.0.2.2"))
        clock.advance(seconds: 0.9)
        _ = limiter.take(busy); _ = limiter.take(busy)
        clock.advance(seconds: 0.2)
        _ = limiter.take(.address("192.0.2.3"))  // triggers the sweep
        #expect(limiter.trackedClients == 2)  // the busy one and the newcomer; the idle one went
        #expect(!limiter.take(busy).allowed)  // its debt was kept
    }

    /// An address flood (every request from a new address) cannot grow the table past its
    /// bound, even when no bucket has refilled yet.
    @Test func theTableNeverExceedsItsBound() {
        let limiter = limiter(maxClients: 100)
        var largest = 0
        for n in 0..<10_000 {
            _ = limiter.take(.address("198.51.\(n / 256).\(n % 256)"))
            largest = max(largest, limiter.trackedClients)
        }
        #expect(largest == 100)
        #expect(limiter.trackedClients <= 100)
    }

    @Test func theMostRecentClientsAreKeptWhenTheBoundForcesEviction() {
        let limiter = limiter(maxClients: 4)
        let old = RateLimitClient.address("192.0.2.1")
        _ = limiter.take(old); _ = limiter.take(old)
        for n in 2...4 {
            clock.advance(milliseconds: 10)
            _ = limiter.take(.address("192.0.2.\(n)")); _ = limiter.take(.address("192.0.2.\(n)"))
        }
        clock.advance(milliseconds: 10)
        let recent = RateLimitClient.address("192.0.2.4")
        _ = limiter.take(.address("192.0.2.5"))
        #expect(limiter.trackedClients == 3)  // the older half went, the newcomer came
        #expect(!limiter.take(recent).allowed)  // a recent client keeps its empty bucket
    }
}
