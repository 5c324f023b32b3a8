import CLinuxNet
import Dispatch
import Glibc
import Logging
import Synchronization

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

        init(fd: Int32, id: UInt64, machine: HTTPConnectionStateMachine) {
            self.fd = fd
            self.id = id
            self.machine = machine
        }
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
    private let tasks = Mutex<[@Sendable () -> Void]?>([])
    private let tagPrefix: String

    /// epoll's user data: the listening socket and the wake-up fd are told apart from
    /// connections by these sentinel values.
    private static let listenToken: UInt64 = UInt64.max
    private static let wakeToken: UInt64 = UInt64.max - 1
    /// How often deadlines are checked: the granularity of every timeout.
    static let sweepIntervalMs = 100

    init(index: Int, listenFD: Int32, limits: ServerLimits, responder: any HTTPResponder,
         counter: ConnectionCounter, offloadQueue: DispatchQueue,
         accessLog: (@Sendable (AccessLogEntry) -> Void)?, logger: Logger) throws {
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
            let connection = Connection(fd: fd, id: nextConnectionID, machine: machine)
            connections[fd] = connection
            do {
                try register(fd, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue, token: UInt64(fd), op: EPOLL_CTL_ADD)
            } catch {
                closeConnection(connection)
            }
        }
    }

    /// Over the connection cap: a best-effort 503 in one non-blocking send, then close.
    /// Never waits on the refused peer.
    private func refuse(_ fd: Int32) {
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
        let flags = event.events
        if flags & EPOLLOUT.rawValue != 0 {
            flush(connection)
            if connections[fd] !== connection { return }
        }
        if flags & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue | EPOLLRDHUP.rawValue) != 0 {
            readAvailable(connection)
        }
    }

    private func readAvailable(_ connection: Connection) {
        let n = readBuffer.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
        let now = MonotonicInstant.now()
        connection.machine.date = dateCache.value
        if n > 0 {
            let actions = readBuffer.withUnsafeBytes { raw in
                connection.machine.bytesReceived(UnsafeRawBufferPointer(rebasing: raw[0..<n]), now: now)
            }
            apply(actions, to: connection)
        } else if n == 0 {
            apply(connection.machine.peerClosed(now: now), to: connection)
        } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
            closeConnection(connection)  // ECONNRESET and friends: nothing more to say to it
        }
    }

    private func sweepDeadlines(now: MonotonicInstant) {
        for connection in Array(connections.values) {
            connection.machine.date = dateCache.value
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
            case .shutdownWrite:
                shutdown(connection.fd, Int32(SHUT_WR))
                connection.readingEnabled = true
                updateInterest(connection)
            case .log(let entry):
                accessLog?(entry)
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

    private func flush(_ connection: Connection) {
        while connection.outputOffset < connection.output.count {
            let n = connection.output.withUnsafeBytes { raw in
                send(connection.fd, raw.baseAddress! + connection.outputOffset,
                     raw.count - connection.outputOffset, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                connection.outputOffset += n
                connection.machine.outputAdvanced(now: .now())
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                // A slow reader: keep the rest and wait for EPOLLOUT; other connections go on.
                if !connection.writeInterest {
                    connection.writeInterest = true
                    updateInterest(connection)
                }
                apply(connection.machine.outputProgress(pending: true, now: .now()), to: connection)
                return
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                closeConnection(connection)  // EPIPE, ECONNRESET: the peer is gone
                return
            }
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= 65536)
        connection.outputOffset = 0
        if connection.writeInterest {
            connection.writeInterest = false
            updateInterest(connection)
        }
        apply(connection.machine.outputProgress(pending: false, now: .now()), to: connection)
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
        close(connection.fd)  // also removes it from the epoll set
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
