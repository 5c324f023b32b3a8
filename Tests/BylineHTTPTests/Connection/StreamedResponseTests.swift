import Testing
@testable import BylineHTTP

/// Streamed bodies in the connection state machine: chunked on HTTP/1.1 (RFC 9112 §7.1),
/// close-delimited on HTTP/1.0 (RFC 9112 §6.3), aborted by closing when the producer fails.
struct StreamedResponseTests {
    typealias Machine = HTTPConnectionStateMachine
    let t0 = MonotonicInstant(nanoseconds: 1_000_000_000)
    func at(_ ms: Int) -> MonotonicInstant { t0.adding(milliseconds: ms) }

    func machine() -> Machine {
        var m = Machine(limits: ServerLimits(), now: t0, connectionTag: "t")
        m.date = "Mon, 23 Nov 2026 00:00:00 GMT"
        return m
    }

    func sent(_ actions: [Machine.Action]) -> [(String, Bool)] {
        actions.compactMap {
            if case .send(let bytes, let close) = $0 { (String(decoding: bytes, as: UTF8.self), close) } else { nil }
        }
    }

    func dispatchedCount(_ actions: [Machine.Action]) -> Int {
        actions.filter { if case .dispatch = $0 { true } else { false } }.count
    }

    func streams(_ actions: [Machine.Action]) -> Bool {
        actions.contains { if case .startStream = $0 { true } else { false } }
    }

    let stream = HTTPResponse.streaming(headers: ["Content-Type": "application/x-ndjson"], ResponseBodyStream { _ in })

    @Test func http11StreamIsChunkedAndTheConnectionStaysOpen() {
        var m = machine()
        _ = m.bytesReceived(Array("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n".utf8), now: at(0))
        let start = m.responseReady(stream, now: at(1))
        let head = sent(start).first?.0 ?? ""
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(head.contains("Transfer-Encoding: chunked\r\n"))
        #expect(!head.contains("Content-Length"))
        #expect(streams(start))
        #expect(dispatchedCount(start) == 0, "the next request waits for the stream to end")
        #expect(sent(m.streamProduced(Array("{\"a\":1}\n".utf8), now: at(2))).map(\.0) == ["8\r\n{\"a\":1}\n\r\n"])
        let end = m.streamFinished(failed: false, now: at(3))
        #expect(sent(end).map(\.0) == ["0\r\n\r\n"])
        #expect(sent(end).first?.1 == false, "keep-alive after the last chunk")
        #expect(dispatchedCount(end) == 1, "then the pipelined request runs")
    }

    @Test func http10StreamIsDelimitedByClose() {
        var m = machine()
        _ = m.bytesReceived(Array("POST /b HTTP/1.0\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n".utf8), now: at(0))
        let head = sent(m.responseReady(stream, now: at(1))).first?.0 ?? ""
        #expect(!head.contains("Transfer-Encoding"), "HTTP/1.0 has no chunked coding")
        #expect(!head.contains("Content-Length"))
        #expect(head.contains("Connection: close\r\n"))
        #expect(sent(m.streamProduced(Array("x".utf8), now: at(2))).map(\.0) == ["x"])
        let end = m.streamFinished(failed: false, now: at(3))
        #expect(sent(end).first?.1 == true, "the close ends the body")
    }

    @Test func aFailedProducerAbortsWithoutTheLastChunk() {
        var m = machine()
        _ = m.bytesReceived(Array("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".utf8), now: at(0))
        _ = m.responseReady(stream, now: at(1))
        _ = m.streamProduced(Array("partial".utf8), now: at(2))
        let end = m.streamFinished(failed: true, now: at(3))
        #expect(sent(end).isEmpty, "no last chunk: the client sees an incomplete body")
        #expect(end.contains { if case .close = $0 { true } else { false } })
        #expect(m.isClosed)
    }

    @Test func headOfAStreamedRouteSendsNoBodyAndRunsNoProducer() {
        var m = machine()
        _ = m.bytesReceived(Array("HEAD /b HTTP/1.1\r\nHost: x\r\n\r\n".utf8), now: at(0))
        let actions = m.responseReady(stream, now: at(1))
        #expect(!streams(actions))
        #expect(sent(actions).first?.0.hasSuffix("\r\n\r\n") == true)
    }

    @Test func noTimeoutWhileTheProducerWorks() {
        var m = machine()
        _ = m.bytesReceived(Array("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".utf8), now: at(0))
        _ = m.responseReady(stream, now: at(1))
        #expect(m.timerFired(now: at(120_000)).isEmpty, "the server is the slow party")
        #expect(!m.isIdle, "a graceful drain waits for the stream")
    }

    @Test func chunkFraming() {
        #expect(String(decoding: ResponseSerializer.chunk(Array(repeating: 0x61, count: 26)), as: UTF8.self)
                == "1a\r\n" + String(repeating: "a", count: 26) + "\r\n")
        #expect(String(decoding: ResponseSerializer.lastChunk, as: UTF8.self) == "0\r\n\r\n")
    }
}
