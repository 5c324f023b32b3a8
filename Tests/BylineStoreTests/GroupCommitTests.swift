import Foundation
import Testing
@testable import BylineStore

@Suite("Group commit")
struct GroupCommitTests {
    struct Failure: Error, Equatable {}

    /// Runs `body` on `count` threads at once and waits for all of them.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let done = DispatchGroup()
        for index in 0..<count {
            done.enter()
            Thread.detachNewThread {
                body(index)
                done.leave()
            }
        }
        done.wait()
    }

    @Test("every caller gets its own outcomes, in order, and callers that arrive during a commit share the next")
    func concurrentCallersShareCommits() throws {
        let commits = LockedValue<[[Int]]>([])
        let writer = GroupCommit<Int, Int> { items in
            // Slow enough that other callers queue up behind the first commit.
            Thread.sleep(forTimeInterval: 0.02)
            commits.withLock { $0.append(items) }
            return items.map { $0 * 10 }
        }
        let results = LockedValue<[Int: [Int]]>([:])
        // Threads of their own: a pool as wide as the cores would let only that many wait.
        Self.onThreads(16) { caller in
            let items = [caller * 100, caller * 100 + 1]
            let outcomes = try? writer.submit(items)
            results.withLock { $0[caller] = outcomes }
        }
        for caller in 0..<16 {
            #expect(results.withLock { $0[caller] } == [caller * 1000, caller * 1000 + 10])
        }
        let written = commits.withLock { $0 }
        #expect(written.flatMap { $0 }.count == 32, "every item is committed exactly once")
        #expect(Set(written.flatMap { $0 }).count == 32)
        #expect(written.count < 16, "some commits carried several callers' items")
        for commit in written {
            // A caller's items stay together and in order within one commit.
            for (index, item) in commit.enumerated() where item % 100 == 1 {
                #expect(index > 0 && commit[index - 1] == item - 1)
            }
        }
    }

    @Test("a failed commit fails every caller in it, and the next commit goes on")
    func failedCommit() throws {
        let attempts = LockedValue(0)
        let writer = GroupCommit<Int, Int> { items in
            let attempt = attempts.withLock { $0 += 1; return $0 }
            if attempt == 1 { throw Failure() }
            return items
        }
        #expect(throws: Failure.self) { try writer.submit([1, 2]) }
        #expect(try writer.submit([3]) == [3])
    }

    @Test("a commit takes at most the item bound, in whole callers")
    func boundedCommits() throws {
        let sizes = LockedValue<[Int]>([])
        let writer = GroupCommit<Int, Int>(maximumItemsPerCommit: 4) { items in
            Thread.sleep(forTimeInterval: 0.01)
            sizes.withLock { $0.append(items.count) }
            return items
        }
        Self.onThreads(12) { caller in
            _ = try? writer.submit([caller, caller, caller])
        }
        let written = sizes.withLock { $0 }
        #expect(written.reduce(0, +) == 36)
        #expect(written.allSatisfy { $0 == 3 }, "two callers' 6 items exceed the bound of 4: one caller per commit")
        // A single caller over the bound still goes in one commit.
        #expect(try writer.submit(Array(0..<9)) == Array(0..<9))
        #expect(sizes.withLock { $0.last } == 9)
    }
}
