import Dispatch
import Testing
@testable import BylineConcurrency

/// The lock: exclusive, and the value it guards is the one every holder sees.
struct LockedTests {
    @Test func concurrentIncrementsAreNotLost() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test func theBodysResultAndErrorsComeThrough() throws {
        struct Refused: Error {}
        let names = Locked(["a"])
        #expect(names.withLock { names -> Int in names.append("b"); return names.count } == 2)
        #expect(throws: Refused.self) { try names.withLock { _ in throw Refused() } }
        // The lock was released by the throw.
        #expect(names.withLock { $0 } == ["a", "b"])
    }
}
