import Dispatch
import Foundation
import Testing
@testable import BylineAnalysis

/// The store parses on many threads at once, and the parser shares its compiled regexes
/// between them; parsing concurrently must give the same documents as parsing alone.
@Suite("Concurrent parsing")
struct ConcurrentParsingTests {
    @Test("concurrent parses of the seeds equal sequential ones")
    func concurrentParses() throws {
        let directory = CorpusFixtures.repositoryRoot.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try files.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
        #expect(texts.count == 5)
        let expected = texts.map(ArticleParser.parse(text:))
        let mismatches = Counter()
        DispatchQueue.concurrentPerform(iterations: 40) { iteration in
            let index = iteration % texts.count
            if ArticleParser.parse(text: texts[index]) != expected[index] { mismatches.increment() }
        }
        #expect(mismatches.value == 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
