import Foundation
import Testing
@testable import BylineHTTP

/// The connection lifecycle, driven with a fake clock and byte arrays: no sockets, no sleeps.
struct HTTPConnectionStateMachineTests {
    typealias Machine = HTTPConnectionStateMachine
    let t0 = MonotonicInstant(nanoseconds: 1_000_000_000)

    func at(_ ms: Int) -> MonotonicInstant { t0.adding(milliseconds: ms) }

    func machine(_ configure: (inout ServerLimits) -> Void = { _ in }) -> Machine {
        var limits = ServerLimits()
        configure(&limits)
        var m = Machine(limits: limits, now: t0, connectionTag: "t")
        m.date = "Mon, 23 Nov 2026 00:00:00 GMT"
        return m
    }

    func dispatched(_ actions: [Machine.Action]) -> [HTTPRequest] {
        actions.compactMap { if case .dispatch(let r) = $0 { r } else { nil } }
    }

    func sent(_ actions: [Machine.Action]) -> [(String, Bool)] {
        actions.compactMap {
            if case .send(let bytes, let close) = $0 { (String(decoding: bytes, as: UTF8.self), close) } else { nil }
        }
    }

    func closes(_ actions: [Machine.Action]) -> Bool {
        actions.contains { if case .close = $0 { true } else { false } }
    }

    let get = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"

    @Test func dispatchesOneRequestAndAnswersKeepAlive() {
        var m = machine()
        let a = m.bytesReceived(Array(get.utf8), now: at(1))
        #expect(dispatched(a).map(\.path) == ["/a"])
        let r = m.responseReady(.text("hi"), now: at(2))
        let out = sent(r)
        #expect(out.count == 1)
        #expect(out[0].0.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(out[0].0.contains("Content-Length: 2\r\n"))
        #expect(out[0].0.hasSuffix("\r\n\r\nhi"))
        #expect(out[0].1 == false)
        #expect(!out[0].0.contains("Connection: close"))
    }

    @Test func pipelinedRequestsAreAnsweredInOrderOneAtATime() {
        var m = machine()
        let a = m.bytesReceived(Array((get + get.replacingOccurrences(of: "/a", with: "/b")).utf8), now: at(1))
        #expect(dispatched(a).map(\.path) == ["/a"], "second waits until the first is answered")
        let b = m.responseReady(.text("1"), now: at(2))
        #expect(sent(b).count == 1)
        #expect(dispatched(b).map(\.path) == ["/b"])
        let c = m.responseReady(.text("2"), now: at(3))
        #expect(sent(c).first?.0.hasSuffix("2") == true)
    }

    @Test func connectionCloseRequestClosesAfterResponse() {
        var m = machine()
        _ = m.bytesReceived(Array("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), now: at(1))
        let r = m.responseReady(.text("x"), now: at(2))
        #expect(sent(r).first?.1 == true)
        #expect(sent(r).first?.0.contains("Connection: close\r\n") == true)
        #expect(m.outputProgress(pending: false, now: at(3)).contains { if case .shutdownWrite = $0 { true } else { false } })
    }

    @Test func http10ClosesUnlessKeepAlive() {
        var m = machine()
        _ = m.bytesReceived(Array("GET / HTTP/1.0\r\n\r\n".utf8), now: at(1))
        #expect(sent(m.responseReady(.text("x"), now: at(2))).first?.1 == true)

        var k = machine()
        _ = k.bytesReceived(Array("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".utf8), now: at(1))
        let out = sent(k.responseReady(.text("x"), now: at(2)))
        #expect(out.first?.1 == false)
        #expect(out.first?.0.contains("Connection: keep-alive\r\n") == true)
    }

    @Test func headResponseKeepsHeadersDropsBody() {
        var m = machine()
        _ = m.bytesReceived(Array("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), now: at(1))
        let out = sent(m.responseReady(.text("hello"), now: at(2)))
        #expect(out.first?.0.contains("Content-Length: 5\r\n") == true)
        #expect(out.first?.0.hasSuffix("\r\n\r\n") == true)
    }

    @Test func framingErrorAnswersEarlierRequestsFirstThenErrorAndClose() {
        var m = machine()
        let bad = get + "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
        let a = m.bytesReceived(Array(bad.utf8), now: at(1))
        #expect(dispatched(a).count == 1)
        #expect(sent(a).isEmpty, "the error waits for the earlier response")
        let b = m.responseReady(.text("ok"), now: at(2))
        let out = sent(b)
        #expect(out.count == 2)
        #expect(out[0].0.hasPrefix("HTTP/1.1 200"))
        #expect(out[1].0.hasPrefix("HTTP/1.1 400"))
        #expect(out[1].0.contains("Content-Type: application/problem+json"))
        #expect(out[1].1 == true)
        #expect(m.bytesReceived(Array(get.utf8), now: at(3)).isEmpty, "never resynchronises")
    }

    @Test func expect100ContinueIsSentBeforeTheBody() {
        var m = machine()
        let a = m.bytesReceived(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n".utf8), now: at(1))
        #expect(sent(a).map(\.0) == ["HTTP/1.1 100 Continue\r\n\r\n"])
        let b = m.bytesReceived(Array("abc".utf8), now: at(2))
        #expect(dispatched(b).first?.body == Array("abc".utf8))
    }

    @Test func unknownExpectationIs417() {
        var m = machine()
        let a = m.bytesReceived(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: teapot\r\n\r\n".utf8), now: at(1))
        #expect(sent(a).first?.0.hasPrefix("HTTP/1.1 417") == true)
    }

    @Test func oversizedBodyIsRefusedBeforeItArrives() {
        var m = machine { $0.maxBodyBytes = 10 }
        let a = m.bytesReceived(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n".utf8), now: at(1))
        let out = sent(a)
        #expect(out.count == 1)
        #expect(out[0].0.hasPrefix("HTTP/1.1 413"))
        #expect(out[0].1)
    }

    // MARK: - Timeouts (fake clock)

    @Test func headTimeoutTripsWith408() {
        var m = machine { $0.headTimeoutMs = 1000 }
        _ = m.bytesReceived(Array("GET / HTTP/1.1\r\nHo".utf8), now: at(10))
        #expect(m.timerFired(now: at(900)).isEmpty)
        // Trickling bytes does not extend the first request's head deadline.
        _ = m.bytesReceived(Array("s".utf8), now: at(950))
        let a = m.timerFired(now: at(1000))
        #expect(sent(a).first?.0.hasPrefix("HTTP/1.1 408") == true)
        #expect(sent(a).first?.1 == true)
    }

    @Test func silentConnectionGets408AfterHeadTimeout() {
        var m = machine { $0.headTimeoutMs = 500 }
        #expect(m.timerFired(now: at(499)).isEmpty)
        #expect(sent(m.timerFired(now: at(500))).first?.0.hasPrefix("HTTP/1.1 408") == true)
    }

    @Test func bodyReadTimeoutTripsWith408() {
        var m = machine { $0.bodyReadTimeoutMs = 300; $0.minBodyBytesPerSecond = 0 }  // the silence rule alone
        _ = m.bytesReceived(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab".utf8), now: at(0))
        _ = m.bytesReceived(Array("cd".utf8), now: at(250))
        #expect(m.timerFired(now: at(500)).isEmpty, "reads reset the body clock")
        #expect(sent(m.timerFired(now: at(550))).first?.0.hasPrefix("HTTP/1.1 408") == true)
    }

    @Test func idleKeepAliveClosesSilently() {
        var m = machine { $0.keepAliveIdleTimeoutMs = 2000 }
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        _ = m.responseReady(.text("x"), now: at(10))
        _ = m.outputProgress(pending: false, now: at(10))
        #expect(m.timerFired(now: at(2009)).isEmpty)
        let a = m.timerFired(now: at(2010))
        #expect(closes(a))
        #expect(sent(a).isEmpty)
    }

    @Test func noTimeoutWhileTheHandlerRuns() {
        var m = machine { $0.headTimeoutMs = 100; $0.keepAliveIdleTimeoutMs = 100 }
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        #expect(m.timerFired(now: at(60_000)).isEmpty)
    }

    @Test func slowReaderIsCutAfterWriteTimeout() {
        var m = machine { $0.writeTimeoutMs = 1000 }
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        _ = m.responseReady(.text("x"), now: at(1))
        _ = m.outputProgress(pending: true, now: at(1))
        m.outputAdvanced(bytes: 4096, now: at(800))
        #expect(m.timerFired(now: at(1500)).isEmpty, "progress restarts the clock")
        #expect(closes(m.timerFired(now: at(1800))))
    }

    @Test func slowReaderIsCutBelowTheMinimumSendRateDespiteProgress() {
        var m = machine { $0.writeTimeoutMs = 1000; $0.minSendBytesPerSecond = 1000 }
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        _ = m.responseReady(.text("x"), now: at(1))
        _ = m.outputProgress(pending: true, now: at(1))
        // 16 bytes every 500 ms never trips the silence limit, but earns only 16 ms each.
        var t = 1
        while t < 1000 {
            t += 500
            m.outputAdvanced(bytes: 16, now: at(t))
            #expect(m.timerFired(now: at(t)).isEmpty)
        }
        #expect(m.timerFired(now: at(1032)).isEmpty, "1 s budget + 32 ms earned by 32 bytes")
        #expect(closes(m.timerFired(now: at(1034))))
    }

    @Test func aFastReaderEarnsTimeAtTheMinimumSendRate() {
        var m = machine { $0.writeTimeoutMs = 1000; $0.minSendBytesPerSecond = 1000 }
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        _ = m.responseReady(.text("x"), now: at(1))
        _ = m.outputProgress(pending: true, now: at(1))
        for t in stride(from: 500, through: 4500, by: 500) {  // 2000 bytes/s, twice the minimum
            m.outputAdvanced(bytes: 1000, now: at(t))
            #expect(m.timerFired(now: at(t + 1)).isEmpty, "earned \(t * 2) ms; no cut at \(t + 1)")
        }
        #expect(closes(m.timerFired(now: at(5501))), "then silence: the write timeout still applies")
    }

    @Test func minimumSendRateZeroLeavesOnlyTheSilenceLimit() {
        var m = machine { $0.writeTimeoutMs = 1000; $0.minSendBytesPerSecond = 0 }
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        _ = m.responseReady(.text("x"), now: at(1))
        _ = m.outputProgress(pending: true, now: at(1))
        for t in stride(from: 500, through: 5000, by: 500) {
            m.outputAdvanced(bytes: 1, now: at(t))
            #expect(m.timerFired(now: at(t)).isEmpty)
        }
    }

    @Test func aBodyDrippedBelowTheMinimumRateGets408() {
        var m = machine { $0.bodyReadTimeoutMs = 1000; $0.minBodyBytesPerSecond = 1000 }
        _ = m.bytesReceived(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n".utf8), now: at(0))
        var t = 0
        for _ in 0..<3 {  // a byte every 300 ms: the silence limit never trips
            t += 300
            _ = m.bytesReceived(Array("a".utf8), now: at(t))
            #expect(m.timerFired(now: at(t)).isEmpty)
        }
        #expect(m.timerFired(now: at(1002)).isEmpty, "1 s budget + 3 ms earned by 3 bytes")
        #expect(sent(m.timerFired(now: at(1004))).first?.0.hasPrefix("HTTP/1.1 408") == true)
    }

    @Test func aBodyAtAnHonestRateIsNotCut() {
        var m = machine { $0.bodyReadTimeoutMs = 1000; $0.minBodyBytesPerSecond = 1000 }
        _ = m.bytesReceived(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4000\r\n\r\n".utf8), now: at(0))
        for step in 1...3 {  // 1000 bytes every 800 ms is faster than 1000 bytes/s
            _ = m.bytesReceived([UInt8](repeating: 0x61, count: 1000), now: at(step * 800))
            #expect(m.timerFired(now: at(step * 800 + 1)).isEmpty)
        }
    }

    @Test func theBodyRateClockStartsWhen100ContinueIsSent() {
        var m = machine { $0.bodyReadTimeoutMs = 1000; $0.minBodyBytesPerSecond = 1000 }
        // A request is in flight; the second waits for 100 Continue without sending its body.
        _ = m.bytesReceived(Array((get + "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n").utf8), now: at(0))
        let a = m.responseReady(.text("slow handler"), now: at(5000))
        #expect(sent(a).contains { $0.0.hasPrefix("HTTP/1.1 100") })
        _ = m.outputProgress(pending: false, now: at(5000))
        #expect(m.timerFired(now: at(5500)).isEmpty, "the client was waiting for us, not slow")
    }

    @Test func lingeringCloseEndsAtPeerEOFOrDeadline() {
        var m = machine { $0.lingerTimeoutMs = 2000 }
        _ = m.bytesReceived(Array("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), now: at(0))
        _ = m.responseReady(.text("x"), now: at(1))
        _ = m.outputProgress(pending: false, now: at(2))
        #expect(m.bytesReceived(Array("junk".utf8), now: at(3)).isEmpty)
        #expect(m.timerFired(now: at(1000)).isEmpty)
        #expect(closes(m.timerFired(now: at(2002))))
    }

    @Test func noNewResponsesWhileTheReaderIsStalled() {
        var m = machine()
        _ = m.bytesReceived(Array((get + get).utf8), now: at(0))
        _ = m.outputProgress(pending: true, now: at(1))  // an earlier response is stuck
        let a = m.responseReady(.text("1"), now: at(2))
        #expect(dispatched(a).isEmpty, "the next request waits for the reader")
        let b = m.outputProgress(pending: false, now: at(3))
        #expect(dispatched(b).count == 1)
    }

    @Test func maxRequestsPerConnectionClosesAfterTheLimit() {
        var m = machine { $0.maxRequestsPerConnection = 2 }
        _ = m.bytesReceived(Array((get + get + get).utf8), now: at(0))
        #expect(sent(m.responseReady(.text("1"), now: at(1))).first?.1 == false)
        let second = sent(m.responseReady(.text("2"), now: at(2)))
        #expect(second.first?.1 == true)
        #expect(second.first?.0.contains("Connection: close") == true)
    }

    @Test func pipeliningBackPressurePausesReading() {
        var m = machine { $0.maxPipelinedRequests = 2 }
        let a = m.bytesReceived(Array(String(repeating: get, count: 3).utf8), now: at(0))
        #expect(a.contains { if case .pauseReading = $0 { true } else { false } })
        let b = m.responseReady(.text("1"), now: at(1))
        #expect(b.contains { if case .resumeReading = $0 { true } else { false } })
    }

    @Test func drainClosesIdleAndFinishesBusyWithClose() {
        var idle = machine()
        #expect(closes(idle.beginDrain(now: at(0))))

        var busy = machine()
        _ = busy.bytesReceived(Array(get.utf8), now: at(0))
        #expect(busy.beginDrain(now: at(1)).isEmpty)
        let out = sent(busy.responseReady(.text("x"), now: at(2)))
        #expect(out.first?.1 == true)

        var receiving = machine()
        _ = receiving.bytesReceived(Array("GET /a HTTP/1.1\r\nHo".utf8), now: at(0))
        #expect(receiving.beginDrain(now: at(1)).isEmpty, "a request being received is finished")
        let rest = receiving.bytesReceived(Array("st: x\r\n\r\n".utf8), now: at(2))
        #expect(dispatched(rest).count == 1)
        #expect(sent(receiving.responseReady(.text("x"), now: at(3))).first?.1 == true)
    }

    @Test func peerHalfCloseStillAnswersCompleteRequest() {
        var m = machine()
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        let a = m.peerClosed(now: at(1))
        #expect(a.contains { if case .pauseReading = $0 { true } else { false } }, "no busy loop on a repeated EOF")
        #expect(!closes(a))
        #expect(sent(m.responseReady(.text("x"), now: at(2))).first?.1 == true)
    }

    @Test func requestIDIsEchoedWhenSaneAndGeneratedOtherwise() {
        var m = machine()
        let a = m.bytesReceived(Array("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc-123\r\n\r\n".utf8), now: at(0))
        #expect(dispatched(a).first?.requestID == "abc-123")
        #expect(sent(m.responseReady(.text("x"), now: at(1))).first?.0.contains("X-Request-Id: abc-123\r\n") == true)
        let b = m.bytesReceived(Array("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: bad id!\r\n\r\n".utf8), now: at(2))
        let generated = dispatched(b).first?.requestID
        #expect(generated != nil && generated != "bad id!" && generated!.hasPrefix("t-"))
    }

    @Test func accessLogEntryPerResponse() {
        var m = machine()
        _ = m.bytesReceived(Array(get.utf8), now: at(0))
        let a = m.responseReady(HTTPResponse(status: .notFound), now: at(7))
        let entry = a.compactMap { if case .log(let e) = $0 { e } else { nil } }.first
        #expect(entry?.status == 404)
        #expect(entry?.path == "/a")
        #expect(entry?.durationMs == 7)
    }
}
