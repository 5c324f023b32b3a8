import Dispatch
import Testing
@testable import BylineHTTP

/// A value handed from one thread to another once, waited for as often as needed.
struct HandoffTests {
    @Test func aTimedWaitBeforeTheValueIsNil() {
        let handoff = Handoff<Int>()
        #expect(handoff.wait(timeoutMs: 10) == nil)
    }

    @Test func theValueFromAnotherThreadReachesEveryWait() {
        let handoff = Handoff<[Int]>()
        DispatchQueue.global().async { handoff.fulfil([1, 2, 3]) }
        #expect(handoff.wait() == [1, 2, 3])
        #expect(handoff.wait() == [1, 2, 3], "a second wait does not block")
        #expect(handoff.wait(timeoutMs: 0) == [1, 2, 3])
    }
}
