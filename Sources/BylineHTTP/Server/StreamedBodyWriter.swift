import Dispatch

/// Carries a streamed body's chunks from its producer (on the offload queue) to the event
/// loop that owns the connection, and makes the producer wait while the connection's
/// unsent backlog is above `EventLoop.streamHighWaterBytes`: a client that reads slowly
/// slows the producer down, and memory stays bounded. Once the connection is gone (or the
/// loop does not answer within `waitLimitMs`, e.g. it has shut down) every write is refused.
final class StreamedBodyWriter: ResponseBodyWriter, @unchecked Sendable {
    private let loop: EventLoop
    private let fd: Int32
    private let connectionID: UInt64
    private let waitLimitMs: Int
    // Only the producer's thread touches this (one producer per writer).
    private var gone = false

    init(loop: EventLoop, fd: Int32, connectionID: UInt64, waitLimitMs: Int) {
        self.loop = loop
        self.fd = fd
        self.connectionID = connectionID
        self.waitLimitMs = waitLimitMs
    }

    func write(_ bytes: [UInt8]) -> Bool {
        guard !gone else { return false }
        guard !bytes.isEmpty else { return true }
        let waiter = StreamWaiter()
        let loop = self.loop, fd = self.fd, id = self.connectionID
        loop.execute { loop.streamProduced(bytes, fd: fd, connectionID: id, waiter: waiter) }
        let accepted = waiter.wait(timeoutMs: waitLimitMs) ?? false
        if !accepted { gone = true }
        return accepted
    }
}

/// Whether the loop took a producer's bytes (false: the connection is gone).
typealias StreamWaiter = Handoff<Bool>
