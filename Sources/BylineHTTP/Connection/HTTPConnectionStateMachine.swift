/// The life of one HTTP/1.1 connection as a value type: inputs are events (bytes arrived, a
/// response is ready, the clock moved, the peer closed, output drained) and the result is a
/// list of actions for the event loop to carry out. It never touches a socket or a clock, so
/// tests drive it with a fake clock and byte arrays (as SwiftNIO and Hummingbird 2 do).
///
/// Invariants:
/// - Requests are answered strictly in order, one handler at a time (RFC 9112 §9.3.2).
/// - After a framing error the connection answers that error once, with
///   `Connection: close`, after the responses owed to earlier requests, and never parses on.
/// - Every response the machine emits is fully framed.
public struct HTTPConnectionStateMachine: Sendable {
    public enum Action: Sendable {
        /// Write these bytes. `thenClose`: after they are flushed, close gracefully
        /// (half-close, then report `outputDrained` for a lingering close).
        case send([UInt8], thenClose: Bool)
        /// Run the handler for this request and call `responseReady` with its response.
        case dispatch(HTTPRequest)
        /// Close the socket now; nothing more will be sent.
        case close
        /// Stop reading: enough pipelined requests are waiting (back-pressure).
        case pauseReading
        case resumeReading
        /// Shut down the write side: the final response is flushed; linger to drain input.
        case shutdownWrite
        /// One access-log entry for a finished response.
        case log(AccessLogEntry)
        /// Run this producer of the in-flight response's body; report each chunk with
        /// `streamProduced` and the end with `streamFinished`.
        case startStream(ResponseBodyStream)
    }

    /// The in-flight response is a streamed body being produced.
    struct Streaming: Sendable {
        var keepAlive: Bool
        var chunked: Bool
        var status: Int
        var bytes: Int
    }

    struct InFlight: Sendable {
        var method: HTTPMethod
        var path: String
        var keepAlive: Bool
        var http10KeepAlive: Bool
        var requestID: String
        var startedAt: MonotonicInstant
        var isHTTP10: Bool
    }

    struct Assembling: Sendable {
        var head: HTTPRequestHead
        var body: [UInt8]
        var requestID: String
        var startedAt: MonotonicInstant
        var awaitsContinue: Bool
    }

    enum Phase: Sendable, Equatable {
        /// Reading and answering requests.
        case open
        /// The final response is queued or being flushed; then the write side shuts.
        case closingAfterFlush
        /// Write side shut; reading and discarding until EOF or the linger deadline, so the
        /// peer receives our last response instead of a reset (RFC 9112 §9.6).
        case lingering(since: MonotonicInstant)
        case closed
    }

    public let limits: ServerLimits
    /// Used for the `Date` header of responses the machine itself produces or frames.
    public var date: String = ""
    public let connectionTag: String
    public let remoteAddress: String

    private var parser: HTTPRequestParser
    private(set) var phase: Phase = .open
    private var openedAt: MonotonicInstant
    private var lastActivity: MonotonicInstant
    private var headStartedAt: MonotonicInstant?
    private var assembling: Assembling?
    private var bodyLastReadAt: MonotonicInstant?
    private var ready: [HTTPRequest] = []
    private var inFlight: InFlight?
    private var terminalProblem: Problem?
    private var requestsStarted = 0
    private var requestsAnswered = 0
    private var readingPaused = false
    private var inputClosed = false
    private var draining = false
    private var outputStalledSince: MonotonicInstant?
    private var streaming: Streaming?
    /// When output last began to back up, and the bytes the reader has taken since: the
    /// minimum-rate rule (`minSendBytesPerSecond`) measures against these, and partial
    /// progress does not reset them.
    private var outputBackedUpSince: MonotonicInstant?
    private var bytesTakenSinceBackup = 0

    public init(limits: ServerLimits, now: MonotonicInstant, connectionTag: String = "c",
                remoteAddress: String = "") {
        self.limits = limits
        self.parser = HTTPRequestParser(limits: limits)
        self.openedAt = now
        self.lastActivity = now
        self.connectionTag = connectionTag
        self.remoteAddress = remoteAddress
    }

    /// True once the machine has asked for the socket to be closed.
    public var isClosed: Bool { phase == .closed }

    /// True when nothing is owed to the peer and nothing is half-received: safe to close
    /// without losing work (used by graceful shutdown).
    public var isIdle: Bool {
        phase == .open && inFlight == nil && ready.isEmpty && assembling == nil
            && headStartedAt == nil && outputStalledSince == nil
    }

    // MARK: - Inputs

    public mutating func bytesReceived(_ bytes: UnsafeRawBufferPointer, now: MonotonicInstant) -> [Action] {
        switch phase {
        case .closed, .closingAfterFlush, .lingering: return []  // discard: we answer no more
        case .open: break
        }
        guard terminalProblem == nil else { return [] }
        lastActivity = now
        var events: [HTTPParserEvent] = []
        var parseError: HTTPParseError?
        do {
            try parser.parse(bytes, into: &events)
        } catch {
            parseError = error
        }
        var actions: [Action] = []
        for event in events {
            handle(event, now: now, actions: &actions)
            if terminalProblem != nil { break }
        }
        if let parseError, terminalProblem == nil {
            terminalProblem = HTTPError.malformed(parseError).problem
        }
        if assembling == nil && terminalProblem == nil && !parser.isIdle {
            // The first request's head deadline runs from accept, so trickling bytes cannot
            // extend it.
            if headStartedAt == nil { headStartedAt = requestsStarted == 0 ? openedAt : now }
        } else {
            headStartedAt = nil
        }
        pump(now: now, actions: &actions)
        return actions
    }

    public mutating func bytesReceived(_ bytes: [UInt8], now: MonotonicInstant) -> [Action] {
        bytes.withUnsafeBytes { bytesReceived($0, now: now) }
    }

    /// The handler of the in-flight request finished.
    public mutating func responseReady(_ response: HTTPResponse, now: MonotonicInstant) -> [Action] {
        guard let current = inFlight, streaming == nil, phase == .open else { return [] }
        lastActivity = now
        let handlerWantsClose = response.headers.containsToken("close", in: "Connection")
        let moreIsComing = !ready.isEmpty || assembling != nil || headStartedAt != nil
        var keepAlive = current.keepAlive && !handlerWantsClose && !draining
            && requestsAnswered + 1 < limits.maxRequestsPerConnection
            && !(inputClosed && !moreIsComing)
        let code = response.status.code
        if let stream = response.bodyStream, current.method != .head, code >= 200, code != 204, code != 304 {
            // HTTP/1.0 has no chunked coding: the body ends where the connection does.
            let chunked = !current.isHTTP10
            if !chunked { keepAlive = false }
            let head = ResponseSerializer.serialize(
                response, omitBody: true, keepAlive: keepAlive, date: date, requestID: current.requestID,
                chunked: chunked, closeDelimited: !chunked)
            streaming = Streaming(keepAlive: keepAlive, chunked: chunked, status: code, bytes: head.count)
            return [.send(head, thenClose: false), .startStream(stream)]
        }
        let bytes = ResponseSerializer.serialize(
            response, omitBody: current.method == .head, keepAlive: keepAlive,
            http10KeepAlive: current.http10KeepAlive, date: date, requestID: current.requestID)
        return finishResponse(current, status: code, bytes: bytes.count, lastBytes: bytes, keepAlive: keepAlive, now: now)
    }

    /// One chunk of the in-flight streamed body.
    public mutating func streamProduced(_ bytes: [UInt8], now: MonotonicInstant) -> [Action] {
        guard var stream = streaming, phase == .open, !bytes.isEmpty else { return [] }
        lastActivity = now
        let framed = stream.chunked ? ResponseSerializer.chunk(bytes) : bytes
        stream.bytes += framed.count
        streaming = stream
        return [.send(framed, thenClose: false)]
    }

    /// The producer of the streamed body returned (`failed`: it threw). A failed body cannot
    /// be answered with an error any more: the connection closes without the last chunk, so
    /// the client knows the body is incomplete (RFC 9112 §7.1).
    public mutating func streamFinished(failed: Bool, now: MonotonicInstant) -> [Action] {
        guard let stream = streaming, let current = inFlight else { return [] }
        streaming = nil
        guard phase == .open else { return [] }
        if failed {
            inFlight = nil
            phase = .closed
            return [.log(accessLogEntry(current, status: stream.status, bytes: stream.bytes, now: now)), .close]
        }
        let last = stream.chunked ? ResponseSerializer.lastChunk : []
        return finishResponse(current, status: stream.status, bytes: stream.bytes + last.count, lastBytes: last,
                              keepAlive: stream.keepAlive, now: now)
    }

    /// The response of `current` is complete once `lastBytes` go out.
    private mutating func finishResponse(_ current: InFlight, status: Int, bytes: Int, lastBytes: [UInt8],
                                         keepAlive: Bool, now: MonotonicInstant) -> [Action] {
        inFlight = nil
        lastActivity = now
        requestsAnswered += 1
        var actions: [Action] = [
            .send(lastBytes, thenClose: !keepAlive),
            .log(accessLogEntry(current, status: status, bytes: bytes, now: now)),
        ]
        if !keepAlive {
            enterClosingAfterFlush()
            return actions
        }
        pump(now: now, actions: &actions)
        return actions
    }

    private func accessLogEntry(_ current: InFlight, status: Int, bytes: Int, now: MonotonicInstant) -> AccessLogEntry {
        AccessLogEntry(method: current.method.description, path: current.path, status: status, bytes: bytes,
                       durationMs: now.milliseconds(since: current.startedAt),
                       requestID: current.requestID, remoteAddress: remoteAddress)
    }

    /// Reports write progress: `pending` is whether bytes are still waiting in the socket's
    /// output buffer. Once a closing connection's output drained, the write side shuts.
    public mutating func outputProgress(pending: Bool, now: MonotonicInstant) -> [Action] {
        if pending {
            if outputStalledSince == nil { outputStalledSince = now }
            if outputBackedUpSince == nil { outputBackedUpSince = now; bytesTakenSinceBackup = 0 }
            return []
        }
        let wasStalled = outputStalledSince != nil
        outputStalledSince = nil
        outputBackedUpSince = nil
        bytesTakenSinceBackup = 0
        if phase == .closingAfterFlush {
            phase = .lingering(since: now)
            return [.shutdownWrite]
        }
        var actions: [Action] = []
        if wasStalled { pump(now: now, actions: &actions) }
        return actions
    }

    /// Partial write progress: `bytes` moved, so the silence clock restarts; the bytes count
    /// towards the reader's minimum rate.
    public mutating func outputAdvanced(bytes: Int, now: MonotonicInstant) {
        if outputStalledSince != nil { outputStalledSince = now }
        if outputBackedUpSince != nil { bytesTakenSinceBackup += bytes }
    }

    /// The peer shut down its write side (read returned 0) or reset.
    public mutating func peerClosed(now: MonotonicInstant) -> [Action] {
        switch phase {
        case .closed: return []
        case .lingering:
            phase = .closed
            return [.close]
        case .closingAfterFlush:
            // Keep flushing our final response, but stop polling a socket whose EOF would
            // otherwise be reported again on every wake-up.
            readingPaused = true
            return [.pauseReading]
        case .open: break
        }
        inputClosed = true
        // A half-received request can never complete; requests already complete are still
        // answered (a client may half-close after sending, RFC 9112 §9.6).
        if inFlight == nil && ready.isEmpty && terminalProblem == nil {
            phase = .closed
            return [.close]
        }
        assembling = nil
        headStartedAt = nil
        readingPaused = true
        return [.pauseReading]
    }

    /// Graceful shutdown: idle connections close now; busy ones — a request being received,
    /// handled or waiting its turn — finish it and answer with `Connection: close`.
    public mutating func beginDrain(now: MonotonicInstant) -> [Action] {
        draining = true
        if isIdle {
            phase = .closed
            return [.close]
        }
        return []
    }

    /// The clock moved. Checks the deadline that applies in the current state.
    public mutating func timerFired(now: MonotonicInstant) -> [Action] {
        if let stalled = outputStalledSince,
           now >= stalled.adding(milliseconds: limits.writeTimeoutMs) {
            phase = .closed  // a reader this slow gets cut; nothing more can reach it
            return [.close]
        }
        if let backedUp = outputBackedUpSince, limits.minSendBytesPerSecond > 0,
           now >= backedUp.adding(milliseconds: limits.writeTimeoutMs
                                  + rateAllowanceMs(bytes: bytesTakenSinceBackup, rate: limits.minSendBytesPerSecond)) {
            phase = .closed  // progressing, but slower than the minimum rate: a slow-read attack
            return [.close]
        }
        switch phase {
        case .closed, .closingAfterFlush:
            return []
        case .lingering(let since):
            if now >= since.adding(milliseconds: limits.lingerTimeoutMs) {
                phase = .closed
                return [.close]
            }
            return []
        case .open:
            break
        }
        // While a handler runs or requests wait their turn, the server is the slow party.
        guard inFlight == nil, ready.isEmpty, terminalProblem == nil, outputStalledSince == nil else { return [] }
        if let body = assembling {
            let last = bodyLastReadAt ?? lastActivity
            if now >= last.adding(milliseconds: limits.bodyReadTimeoutMs) {
                return timeout(now: now)
            }
            if limits.minBodyBytesPerSecond > 0,
               now >= body.startedAt.adding(milliseconds: limits.bodyReadTimeoutMs
                                            + rateAllowanceMs(bytes: body.body.count, rate: limits.minBodyBytesPerSecond)) {
                return timeout(now: now)
            }
        } else if let started = headStartedAt {
            if now >= started.adding(milliseconds: limits.headTimeoutMs) {
                return timeout(now: now)
            }
        } else if requestsStarted == 0 {
            // Connected but silent: the head deadline runs from accept.
            if now >= openedAt.adding(milliseconds: limits.headTimeoutMs) {
                return timeout(now: now)
            }
        } else if now >= lastActivity.adding(milliseconds: limits.keepAliveIdleTimeoutMs) {
            phase = .closed  // an idle keep-alive connection is closed silently (RFC 9112 §9.8)
            return [.close]
        }
        return []
    }

    // MARK: - Internals

    /// Milliseconds `bytes` earn at `rate` bytes per second under a minimum-rate rule.
    private func rateAllowanceMs(bytes: Int, rate: Int) -> Int {
        Int((Int64(bytes) * 1000) / Int64(rate))
    }

    private mutating func timeout(now: MonotonicInstant) -> [Action] {
        let bytes = errorResponse(HTTPError.requestTimeout.problem, instance: assembling?.head.target ?? "/",
                                  requestID: nextRequestID())
        enterClosingAfterFlush()
        return [.send(bytes, thenClose: true)]
    }

    private mutating func handle(_ event: HTTPParserEvent, now: MonotonicInstant, actions: inout [Action]) {
        switch event {
        case .head(let head, let framing):
            requestsStarted += 1
            let incoming = head.headers["X-Request-Id"]
            let requestID = incoming.flatMap { RequestID.isSane($0) ? $0 : nil } ?? nextRequestID()
            var awaitsContinue = false
            if let expect = head.headers["Expect"] {
                // RFC 9110 §10.1.1: 100-continue is the only expectation defined; any other
                // gets 417. For HTTP/1.0 the expectation is ignored.
                if expect.trimmingASCIIWhitespace().equalsIgnoringASCIICase("100-continue") {
                    awaitsContinue = head.version == .http1_1 && framing != .none
                } else if head.version == .http1_1 {
                    terminalProblem = HTTPError.expectationFailed(
                        "Only the 100-continue expectation is supported.").problem
                    return
                }
            }
            assembling = Assembling(head: head, body: [], requestID: requestID, startedAt: now,
                                    awaitsContinue: awaitsContinue)
            bodyLastReadAt = now
        case .body(let bytes):
            assembling?.body.append(contentsOf: bytes)
            assembling?.awaitsContinue = false  // the client already sent; no 100 needed
            bodyLastReadAt = now
        case .end:
            guard let done = assembling else { return }
            assembling = nil
            var request = HTTPRequest(head: done.head, body: done.body, remoteAddress: remoteAddress)
            request.requestID = done.requestID
            ready.append(request)
        }
    }

    /// Starts the next request if none is in flight; answers a terminal error once every
    /// earlier request has been answered; sends a deferred 100 Continue.
    private mutating func pump(now: MonotonicInstant, actions: inout [Action]) {
        guard phase == .open else { return }
        // A peer that pipelines but does not read gets no further responses rendered until
        // it takes the pending ones: memory stays bounded by one response and the queue.
        if inFlight == nil, !ready.isEmpty, outputStalledSince == nil {
            let request = ready.removeFirst()
            inFlight = InFlight(
                method: request.method, path: request.path,
                keepAlive: request.head.wantsKeepAlive && !draining,
                http10KeepAlive: request.head.version == .http1_0 && request.head.wantsKeepAlive,
                requestID: request.requestID, startedAt: now, isHTTP10: request.head.version == .http1_0)
            actions.append(.dispatch(request))
        }
        if inFlight == nil, ready.isEmpty, let problem = terminalProblem {
            let instance = assembling?.head.target ?? "/"
            let requestID = assembling?.requestID ?? nextRequestID()
            let bytes = errorResponse(problem, instance: instance, requestID: requestID)
            actions.append(.send(bytes, thenClose: true))
            actions.append(.log(AccessLogEntry(method: assembling?.head.method.description ?? "-", path: instance,
                                               status: problem.status.code, bytes: bytes.count, durationMs: 0,
                                               requestID: requestID, remoteAddress: remoteAddress)))
            enterClosingAfterFlush()
            return
        }
        if inFlight == nil, ready.isEmpty, assembling?.awaitsContinue == true {
            assembling?.awaitsContinue = false
            // The client held its body back for this: its body clocks start now.
            assembling?.startedAt = now
            bodyLastReadAt = now
            actions.append(.send(ResponseSerializer.continueResponse, thenClose: false))
        }
        let shouldPause = inputClosed || ready.count >= limits.maxPipelinedRequests
        if shouldPause != readingPaused {
            readingPaused = shouldPause
            actions.append(shouldPause ? .pauseReading : .resumeReading)
        }
    }

    private mutating func enterClosingAfterFlush() {
        phase = .closingAfterFlush
        ready.removeAll()
        assembling = nil
        headStartedAt = nil
    }

    private var requestSequence = 0
    private mutating func nextRequestID() -> String {
        requestSequence += 1
        return RequestID.generate(connectionTag: connectionTag, sequence: requestSequence)
    }

    private func errorResponse(_ problem: Problem, instance: String, requestID: String) -> [UInt8] {
        ResponseSerializer.serialize(ProblemMapper.response(for: problem, instance: instance),
                                     omitBody: false, keepAlive: false, date: date, requestID: requestID)
    }
}

/// What the access log records for each response.
public struct AccessLogEntry: Sendable, Hashable {
    public var method: String
    public var path: String
    public var status: Int
    public var bytes: Int
    public var durationMs: Double
    public var requestID: String
    public var remoteAddress: String
}
