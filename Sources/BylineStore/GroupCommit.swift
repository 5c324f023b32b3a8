import Dispatch
import BylineConcurrency

/// Group commit for ingests: articles that arrive while a transaction is being written
/// queue up, and the next transaction takes the whole queue. With `synchronous = FULL`
/// each commit costs a sync of the WAL; one commit for many articles spreads that cost
/// (and the transaction's fixed cost) over all of them, while each caller still returns
/// only after the transaction holding its articles has committed: an acknowledged article
/// is on disk.
///
/// There is no writer thread: the caller that finds no commit running leads. It takes the
/// queue (its own articles are in it), commits it, then hands the lead to the oldest
/// waiting caller, if any, and returns. So a leader writes exactly one transaction, and
/// whoever waits longest writes the next one. A caller submits any number of articles at
/// once (one, or a whole batch request) and gets one result per article, in order.
final class GroupCommit<Item: Sendable, Outcome: Sendable>: Sendable {
    /// Writes one transaction for all the items of the tickets, in order, and returns one
    /// outcome per item, in the same order. A thrown error fails every item.
    typealias Commit = @Sendable ([Item]) throws -> [Outcome]

    /// One caller's items and, once its transaction is written, their outcomes.
    /// `outcomes` is written by the leader before it signals the semaphore and read by the
    /// owner after waiting on it; the semaphore orders the two.
    private final class Ticket: @unchecked Sendable {
        let items: [Item]
        var outcomes: Result<[Outcome], any Error>?
        let signal = DispatchSemaphore(value: 0)

        init(items: [Item]) {
            self.items = items
        }
    }

    private struct State {
        var queue: [Ticket] = []
        var committing = false
    }

    private let state = Locked(State())
    private let commit: Commit
    /// At most this many items go into one transaction; the rest wait for the next, so one
    /// transaction (and the readers' view of the WAL) stays bounded.
    let maximumItemsPerCommit: Int

    init(maximumItemsPerCommit: Int = 256, commit: @escaping Commit) {
        self.maximumItemsPerCommit = maximumItemsPerCommit
        self.commit = commit
    }

    /// Queues `items`, waits until the transaction holding them has committed (writing it,
    /// or others', when this caller leads), and returns their outcomes.
    func submit(_ items: [Item]) throws -> [Outcome] {
        guard !items.isEmpty else { return [] }
        let ticket = Ticket(items: items)
        let leads = state.withLock { state -> Bool in
            state.queue.append(ticket)
            if state.committing { return false }
            state.committing = true
            return true
        }
        if !leads {
            ticket.signal.wait()
        }
        if ticket.outcomes == nil {
            // Led: by arrival (above) or handed over by the last leader, with this ticket
            // still queued.
            lead()
        }
        return try ticket.outcomes!.get()
    }

    /// Commits the queue's head (up to `maximumItemsPerCommit` items, always whole tickets
    /// and at least one), then wakes its tickets and hands the lead on.
    private func lead() {
        let batch = state.withLock { state -> [Ticket] in
            var taken = 0, count = 0
            for ticket in state.queue {
                if count > 0 && taken + ticket.items.count > maximumItemsPerCommit { break }
                taken += ticket.items.count
                count += 1
            }
            let batch = Array(state.queue.prefix(count))
            state.queue.removeFirst(count)
            return batch
        }
        let items = batch.flatMap(\.items)
        let result = Result { () throws -> [Outcome] in
            let outcomes = try commit(items)
            precondition(outcomes.count == items.count, "a commit returns one outcome per item")
            return outcomes
        }
        var start = 0
        for ticket in batch {
            ticket.outcomes = result.map { Array($0[start..<start + ticket.items.count]) }
            start += ticket.items.count
        }
        let next = state.withLock { state -> Ticket? in
            guard let next = state.queue.first else {
                state.committing = false
                return nil
            }
            return next
        }
        // The next leader first: its transaction starts while this one's callers wake. The
        // leader's own ticket is the batch's first (the queue is empty whenever no one
        // leads, and a handed-over lead goes to the queue's head): it needs no wake-up.
        next?.signal.signal()
        for ticket in batch.dropFirst() {
            ticket.signal.signal()
        }
    }
}
