import CLinuxNet
import Dispatch
import Glibc
import Logging
import Synchronization
import BylineConcurrency

/// One epoll event loop on its own thread. It owns its connections outright (no locks on the
/// hot path); other threads reach it only through `execute`, which queues a closure and wakes
/// the loop through an eventfd. The loop carries out what each connection's state machine
/// decides and nothing more.
final class EventLoop: @unchecked Sendable {
    /// One accepted socket and the state machine that decides what happens on it.
    final class Connection {
        let fd: Int32
        let id: UInt64
        var machine: HTTPConnectionStateMachine
        var output: [UInt8] = []
        var outputOffset = 0
        var readingEnabled = true
        var writeInterest = false
        let transport: ConnectionTransport
        /// TLS only: set until the handshake completes. Until then the state machine sees
        /// no bytes and its timers do not run; this deadline applies instead.
        var handshakeDeadline: MonotonicInstant?
        /// TLS only: whether the first byte was checked to open a TLS record.
        var firstByteChecked = false
        /// TLS only: a read could not go on until the socket is writable.
        var readWantsWritable = false
        /// Producers of a streamed body waiting for the backlog to drain.
        var drainWaiters: [StreamWaiter] = []
        /// Bytes the kernel still held unsent at the last look (see `kernelCheckBytes`).
        var kernelUnsent = 0
        /// Bytes handed to the kernel since the last look at its unsent queue.
        var bytesSinceKernelCheck = 0

        init(fd: Int32, id: UInt64, machine: HTTPConnectionStateMachine, transport: ConnectionTransport) {
            self.fd = fd
            self.id = id
            self.machine = machine
            self.transport = transport
        }

        var isHandshaking: Bool { handshakeDeadline != nil }
    }

    private let index: Int
    private let epfd: Int32
    private let wakeFD: Int32
    private let listenFD: Int32
    private let limits: ServerLimits
    private let responder: any HTTPResponder
    private let counter: ConnectionCounter
    private let accessLog: (@Sendable (AccessLogEntry) -> Void)?
    private let logger: Logger
    private let offloadQueue: DispatchQueue
    /// Set on an HTTPS server: every accepted connection starts with a TLS handshake.
    private let tlsContexts: TLSContextSlot?

    private var connections: [Int32: Connection] = [:]
    private var nextConnectionID: UInt64 = 0
    private var dateCache = HTTPDateCache()
    private var readBuffer = [UInt8](repeating: 0, count: 65536)
    private var lastSweep = MonotonicInstant.now()
    private var draining = false
    private var drainDeadline: MonotonicInstant?
    private var listening = true
    /// Closures queued for the loop thread; nil once the loop has exited. A task queued after
    /// that (a handler finishing past the drain deadline) is dropped: kept, it would never
    /// run and would keep the loop alive through a cycle (loop → task → loop), which
    /// LeakSanitizer reported.
    private let tasks = Locked<[@Sendable () -> Void]?>([])
    private let tagPrefix: String

    /// epoll's user data: the listening socket and the wake-up fd are told apart from
    /// connections by these sentinel values.
    private static let listenToken: UInt64 = UInt64.max
    private static let wakeToken: UInt64 = UInt64.max - 1
    /// How often deadlines are checked: the granularity of every timeout.
    static let sweepIntervalMs = 100
    /// Unsent bytes of a streamed body above which its producer waits for the client.
    static let streamHighWaterBytes = 256 * 1024
    /// After this many bytes written, an emptied output buffer is not taken as delivered
    /// until the kernel's unsent queue is empty too. The kernel's send buffer (megabytes,
    /// autotuned) would otherwise swallow whole responses for a reader that advertises a
    /// tiny window and drains it a few bytes at a time (slow read): our write deadlines
    /// would never run and the socket would outlive its fd. Small answers skip the ioctl.
    static let kernelCheckBytes = 16 * 1024

    init(index: Int, listenFD: Int32, limits: ServerLimits, responder: any HTTPResponder,
         counter: ConnectionCounter, offloadQueue: DispatchQueue,
         accessLog: (@Sendable (AccessLogEntry) -> Void)?, logger: Logger,
         tlsContexts: TLSContextSlot? = nil) throws {
        self.tlsContexts = tlsContexts
        self.index = index
        self.listenFD = listenFD
        self.limits = limits
        self.responder = responder
        self.counter = counter
        self.offloadQueue = offloadQueue
        self.accessLog = accessLog
        self.logger = logger
        self.tagPrefix = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16) + String(index)
        epfd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epfd >= 0 else { throw SocketError(call: "epoll_create1", errno: errno) }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else { throw SocketError(call: "eventfd", errno: errno) }
        try register(wakeFD, events: EPOLLIN.rawValue, token: Self.wakeToken, op: EPOLL_CTL_ADD)
        // EPOLLEXCLUSIVE: one listening socket shared by every loop without a thundering herd.
        try register(listenFD, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue,
                     token: Self.listenToken, op: EPOLL_CTL_ADD)
    }

    deinit {
        close(epfd)
        close(wakeFD)
    }

    /// Runs `task` on the loop thread, soon. Safe from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        let queued = tasks.withLock { queue -> Bool in
            queue?.append(task)
            return queue != nil
        }
        guard queued else { return }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    /// Stops accepting and lets connections finish; the loop exits when none remain or
    /// the drain deadline passes.
    func beginDrain(deadline: MonotonicInstant) {
        execute { [self] in
            draining = true
            drainDeadline = deadline
            if listening {
                listening = false
                epoll_ctl(epfd, EPOLL_CTL_DEL, listenFD, nil)
            }
            let now = MonotonicInstant.now()
            for connection in Array(connections.values) {
                connection.machine.date = dateCache.value
                apply(connection.machine.beginDrain(now: now), to: connection)
            }
        }
    }

    /// The loop body; returns after a drain completes.
    func run() {
        defer { tasks.withLock { $0 = nil } }
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            let count = epoll_wait(epfd, &events, Int32(events.count), Int32(Self.sweepIntervalMs))
            if count < 0 && errno != EINTR {
                logger.critical("epoll_wait failed", metadata: ["errno": .stringConvertible(errno)])
                break
            }
            dateCache.refresh()
            for i in 0..<max(0, Int(count)) {
                let event = events[i]
                switch event.data.u64 {
                case Self.listenToken: acceptPending()
                case Self.wakeToken: runTasks()
                default: handle(event)
                }
            }
            let now = MonotonicInstant.now()
            if now >= lastSweep.adding(milliseconds: Self.sweepIntervalMs) {
                lastSweep = now
                sweepDeadlines(now: now)
            }
            if draining {
                if connections.isEmpty { break }
                if let deadline = drainDeadline, now >= deadline {
                    for connection in Array(connections.values) { closeConnection(connection) }
                    break
                }
            }
        }
    }

    // MARK: - Events

    private func acceptPending() {
        // Bounded per wake-up so a connection flood cannot starve established connections.
        for _ in 0..<128 {
            guard listening, let (fd, peer) = Socket.accept(listenFD) else { return }
            guard counter.tryAcquire(limit: limits.maxConnections) else {
                refuse(fd)
                continue
            }
            nextConnectionID += 1
            let now = MonotonicInstant.now()
            var machine = HTTPConnectionStateMachine(
                limits: limits, now: now, connectionTag: "\(tagPrefix)\(String(nextConnectionID, radix: 36))",
                remoteAddress: peer)
            machine.date = dateCache.value
            var transport = ConnectionTransport.plain
            if let tlsContexts {
                guard let session = tlsContexts.context.makeSession(fd: fd) else {
                    close(fd)
                    counter.release()
                    continue
                }
                transport = .tls(session)
            }
            let connection = Connection(fd: fd, id: nextConnectionID, machine: machine, transport: transport)
            if tlsContexts != nil {
                connection.handshakeDeadline = now.adding(milliseconds: limits.tlsHandshakeTimeoutMs)
            }
            connections[fd] = connection
            do {
                try register(fd, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue, token: UInt64(fd), op: EPOLL_CTL_ADD)
            } catch {
                closeConnection(connection)
            }
        }
    }

    /// Over the connection cap: a best-effort 503 in one non-blocking send, then close.
    /// Never waits on the refused peer. A TLS port just closes: plaintext would be garbage
    /// to a client that is starting a handshake.
    private func refuse(_ fd: Int32) {
        guard tlsContexts == nil else {
            close(fd)
            return
        }
        let problem = ProblemMapper.response(
            for: HTTPError.serviceUnavailable("The server has too many open connections.").problem, instance: "/")
        let bytes = ResponseSerializer.serialize(problem, omitBody: false, keepAlive: false,
                                                 date: dateCache.value, requestID: "")
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        close(fd)
    }

    private func runTasks() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, 8)
        let pending = tasks.withLock { queue -> [@Sendable () -> Void] in
            let taken = queue ?? []
            queue?.removeAll(keepingCapacity: true)
            return taken
        }
        for task in pending { task() }
    }

    private func handle(_ event: epoll_event) {
        let fd = Int32(truncatingIfNeeded: event.data.u64)
        guard let connection = connections[fd] else { return }
        if connection.isHandshaking {
            continueHandshake(connection)
            return
        }
        let flags = event.events
        if flags & EPOLLOUT.rawValue != 0 {
            if connection.readWantsWritable {
                connection.readWantsWritable = false
                readAvailable(connection)
                if connections[fd] !== connection { return }
            }
            flush(connection)
            if connections[fd] !== connection { return }
        }
        if flags & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue | EPOLLRDHUP.rawValue) != 0 {
            readAvailable(connection)
        }
    }

    private func readAvailable(_ connection: Connection) {
        // TLS may hold decrypted input epoll cannot report: keep reading while it does
        // (bounded, so one connection cannot monopolise the loop).
        for _ in 0..<16 {
            let result = readBuffer.withUnsafeMutableBytes { connection.transport.read(fd: connection.fd, into: $0) }
            let now = MonotonicInstant.now()
            connection.machine.date = dateCache.value
            switch result {
            case .bytes(let n):
                let actions = readBuffer.withUnsafeBytes { raw in
                    connection.machine.bytesReceived(UnsafeRawBufferPointer(rebasing: raw[0..<n]), now: now)
                }
                apply(actions, to: connection)
            case .endOfStream:
                apply(connection.machine.peerClosed(now: now), to: connection)
                return
            case .wouldBlock(let needsWritable):
                if needsWritable {
                    connection.readWantsWritable = true
                    if !connection.writeInterest {
                        connection.writeInterest = true
                        updateInterest(connection)
                    }
                }
                return
            case .failed:
                closeConnection(connection)  // ECONNRESET, a bad record: nothing more to say
                return
            }
            guard connections[connection.fd] === connection, connection.readingEnabled,
                  connection.transport.hasBufferedInput else { return }
        }
        scheduleBufferedRead(connection)
    }

    /// Reads input TLS already buffered on a later turn of the loop: epoll will not wake us
    /// for it.
    private func scheduleBufferedRead(_ connection: Connection) {
        let fd = connection.fd, id = connection.id
        execute { [self] in
            guard let connection = connections[fd], connection.id == id, connection.readingEnabled,
                  !connection.isHandshaking, connection.transport.hasBufferedInput else { return }
            readAvailable(connection)
        }
    }

    // MARK: - TLS handshake

    /// Drives a TLS handshake one non-blocking step; OpenSSL's WANT_READ/WANT_WRITE become
    /// the connection's epoll interest, so a slow handshake never holds the loop.
    private func continueHandshake(_ connection: Connection) {
        guard case .tls(let session) = connection.transport else { return }
        if !connection.firstByteChecked {
            // A TLS connection opens with a handshake record, content type 22
            // (RFC 8446 §5.1). Anything else is most likely plain HTTP.
            var first: UInt8 = 0
            let n = recv(connection.fd, &first, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                closeConnection(connection)
                return
            }
            if n < 0 { return }
            connection.firstByteChecked = true
            if first != 0x16 {
                refusePlainText(connection)
                return
            }
        }
        switch session.handshake() {
        case .done:
            connection.handshakeDeadline = nil
            if connection.writeInterest {
                connection.writeInterest = false
                updateInterest(connection)
            }
            // A TLS 1.3 client sends its request right behind its Finished message.
            readAvailable(connection)
        case .wantRead:
            if connection.writeInterest {
                connection.writeInterest = false
                updateInterest(connection)
            }
        case .wantWrite:
            if !connection.writeInterest {
                connection.writeInterest = true
                updateInterest(connection)
            }
        case .closed, .failed:
            // Includes clients offering only TLS 1.0/1.1: OpenSSL has already sent them a
            // protocol_version alert (RFC 8446 §6.2).
            closeConnection(connection)
        }
    }

    /// Plain HTTP on the TLS port gets a 400 problem in plaintext, then the connection
    /// closes, as nginx does: a human with curl learns why. Best effort, one non-blocking
    /// send; what the client already sent is read first so the close is a FIN, not a
    /// reset that could destroy the answer in flight.
    private func refusePlainText(_ connection: Connection) {
        var scratch = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<16 {
            let n = scratch.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n <= 0 { break }
        }
        let problem = HTTPError.badRequest("This port speaks HTTPS: plain HTTP was sent to a TLS port.").problem
        let bytes = ResponseSerializer.serialize(ProblemMapper.response(for: problem, instance: "/"),
                                                 omitBody: false, keepAlive: false, date: dateCache.value,
                                                 requestID: "")
        _ = bytes.withUnsafeBytes {
            send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        closeConnection(connection)
    }

    private func sweepDeadlines(now: MonotonicInstant) {
        for connection in Array(connections.values) {
            if let deadline = connection.handshakeDeadline {
                // A handshake not finished in time is dropped without a word: there is no
                // secure channel to send an HTTP 408 on.
                if now >= deadline { closeConnection(connection) }
                continue
            }
            connection.machine.date = dateCache.value
            if connection.kernelUnsent > 0 {
                pollKernelQueue(connection, now: now)
                guard connections[connection.fd] === connection else { continue }
            }
            apply(connection.machine.timerFired(now: now), to: connection)
        }
    }

    // MARK: - Carrying out actions

    private func apply(_ actions: [HTTPConnectionStateMachine.Action], to connection: Connection) {
        // Bytes of every `send` in this batch go out together, in order, in one flush at the
        // end: the machine may already have moved on to closing by the time it returns them.
        var queuedOutput = false
        defer {
            if queuedOutput, connections[connection.fd] === connection { flush(connection) }
        }
        for action in actions {
            guard connections[connection.fd] === connection else { return }
            switch action {
            case .send(let bytes, _):
                if connection.output.isEmpty {
                    connection.output = bytes
                } else {
                    connection.output.append(contentsOf: bytes)
                }
                queuedOutput = true
            case .dispatch(let request):
                dispatch(request, on: connection)
            case .close:
                closeConnection(connection)
            case .pauseReading:
                connection.readingEnabled = false
                updateInterest(connection)
            case .resumeReading:
                connection.readingEnabled = true
                updateInterest(connection)
                if connection.transport.hasBufferedInput { scheduleBufferedRead(connection) }
            case .shutdownWrite:
                connection.transport.shutdownWrite(fd: connection.fd)
                connection.readingEnabled = true
                updateInterest(connection)
            case .log(let entry):
                accessLog?(entry)
            case .startStream(let stream):
                startStream(stream, on: connection)
            }
        }
    }

    private func dispatch(_ request: HTTPRequest, on connection: Connection) {
        let responder = self.responder
        switch responder.execution(for: request) {
        case .eventLoop:
            let response = responder.respond(to: request)
            connection.machine.date = dateCache.value
            apply(connection.machine.responseReady(response, now: .now()), to: connection)
        case .offloaded:
            let fd = connection.fd, id = connection.id
            offloadQueue.async { [self] in
                let response = responder.respond(to: request)
                execute { [self] in
                    // The connection may have closed (and its fd been reused) meanwhile.
                    guard let connection = connections[fd], connection.id == id else { return }
                    connection.machine.date = dateCache.value
                    apply(connection.machine.responseReady(response, now: .now()), to: connection)
                }
            }
        }
    }

    private func startStream(_ stream: ResponseBodyStream, on connection: Connection) {
        let fd = connection.fd, id = connection.id
        let writer = StreamedBodyWriter(loop: self, fd: fd, connectionID: id,
                                        waitLimitMs: limits.writeTimeoutMs + 2 * Self.sweepIntervalMs + 1000)
        offloadQueue.async { [self] in
            let failed: Bool
            do { try stream.produce(writer); failed = false } catch { failed = true }
            execute { [self] in
                guard let connection = connections[fd], connection.id == id else { return }
                connection.machine.date = dateCache.value
                apply(connection.machine.streamFinished(failed: failed, now: .now()), to: connection)
            }
        }
    }

    /// A chunk from a streamed body's producer, on the loop's thread.
    func streamProduced(_ bytes: [UInt8], fd: Int32, connectionID: UInt64, waiter: StreamWaiter) {
        guard let connection = connections[fd], connection.id == connectionID else {
            waiter.fulfil(false)
            return
        }
        apply(connection.machine.streamProduced(bytes, now: .now()), to: connection)
        guard connections[fd] === connection, !connection.machine.isClosed else {
            waiter.fulfil(false)
            return
        }
        if connection.output.count - connection.outputOffset > Self.streamHighWaterBytes {
            connection.drainWaiters.append(waiter)  // released by `flush` once drained, or on close
        } else {
            waiter.fulfil(true)
        }
    }

    private func releaseDrainWaiters(_ connection: Connection, accepted: Bool) {
        guard !connection.drainWaiters.isEmpty else { return }
        for waiter in connection.drainWaiters { waiter.fulfil(accepted) }
        connection.drainWaiters.removeAll()
    }

    private func flush(_ connection: Connection) {
        while connection.outputOffset < connection.output.count {
            let result = connection.output.withUnsafeBytes { raw in
                connection.transport.write(fd: connection.fd, UnsafeRawBufferPointer(rebasing: raw[connection.outputOffset...]))
            }
            switch result {
            case .wrote(let n) where n > 0:
                connection.outputOffset += n
                connection.bytesSinceKernelCheck += n
                connection.machine.outputAdvanced(bytes: n, now: .now())
            case .wouldBlock:
                // A slow reader: keep the rest and wait for EPOLLOUT; other connections go on.
                if !connection.writeInterest {
                    connection.writeInterest = true
                    updateInterest(connection)
                }
                apply(connection.machine.outputProgress(pending: true, now: .now()), to: connection)
                return
            case .wrote, .failed:
                closeConnection(connection)  // EPIPE, ECONNRESET: the peer is gone
                return
            }
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= 65536)
        connection.outputOffset = 0
        releaseDrainWaiters(connection, accepted: true)
        if connection.writeInterest && !connection.readWantsWritable {
            connection.writeInterest = false
            updateInterest(connection)
        }
        if connection.bytesSinceKernelCheck >= Self.kernelCheckBytes {
            connection.bytesSinceKernelCheck = 0
            let unsent = Int(byline_unsent_bytes(connection.fd))
            if unsent > 0 {
                // Still pending, in the kernel: `pollKernelQueue` follows it from the sweep.
                connection.kernelUnsent = unsent
                apply(connection.machine.outputProgress(pending: true, now: .now()), to: connection)
                return
            }
        }
        apply(connection.machine.outputProgress(pending: false, now: .now()), to: connection)
    }

    /// A connection whose bytes sit in the kernel's unsent queue: report what the reader
    /// took since the last look as progress, and the end of the queue as delivery.
    private func pollKernelQueue(_ connection: Connection, now: MonotonicInstant) {
        guard connection.output.isEmpty else { return }  // `flush` and EPOLLOUT are in charge
        let unsent = max(0, Int(byline_unsent_bytes(connection.fd)))
        let taken = connection.kernelUnsent - unsent
        connection.kernelUnsent = unsent
        if taken > 0 { connection.machine.outputAdvanced(bytes: taken, now: now) }
        if unsent == 0 { apply(connection.machine.outputProgress(pending: false, now: now), to: connection) }
    }

    private func updateInterest(_ connection: Connection) {
        // EPOLLRDHUP only while reading: a peer's EOF is level-triggered and would wake the
        // loop again and again while we are not going to read it.
        var events: UInt32 = 0
        if connection.readingEnabled { events |= EPOLLIN.rawValue | EPOLLRDHUP.rawValue }
        if connection.writeInterest { events |= EPOLLOUT.rawValue }
        try? register(connection.fd, events: events, token: UInt64(connection.fd), op: EPOLL_CTL_MOD)
    }

    private func closeConnection(_ connection: Connection) {
        guard connections[connection.fd] === connection else { return }
        connections[connection.fd] = nil
        releaseDrainWaiters(connection, accepted: false)
        // also removes it from the epoll set
        if connection.kernelUnsent > 0 { byline_abortive_close(connection.fd) } else { close(connection.fd) }
        counter.release()
    }

    private func register(_ fd: Int32, events: UInt32, token: UInt64, op: Int32) throws {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        guard epoll_ctl(epfd, op, fd, &event) == 0 else {
            throw SocketError(call: "epoll_ctl", errno: errno)
        }
    }
}

/// The open-connection count shared by all loops, enforcing `ServerLimits.maxConnections`.
final class ConnectionCounter: Sendable {
    private let count = Atomic<Int>(0)

    func tryAcquire(limit: Int) -> Bool {
        var current = count.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = count.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if exchanged { return true }
            current = original
        }
        return false
    }

    func release() { count.subtract(1, ordering: .relaxed) }

    var value: Int { count.load(ordering: .relaxed) }
}
