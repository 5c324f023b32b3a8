// libFuzzer driver for HTTPRequestParser. Build and run with `scripts/fuzz.sh parser`
// (`LibFuzzerDriver` says how libFuzzer is reached from a SwiftPM executable).
//
// Each input is fed to the parser twice, all at once and in 2–3 pieces cut where its first
// byte says; the invariants below must hold, or we trap and libFuzzer saves the input.

import BylineFuzzSupport
import BylineHTTP

/// The fuzz target and its invariants; a type, so nothing is main-actor-isolated top-level state.
enum ParserFuzzer {
    /// Small limits, so that inputs of a few hundred bytes reach every limit.
    static let limits: ServerLimits = {
        var limits = ServerLimits()
        limits.maxRequestLineBytes = 200
        limits.maxHeaderBytes = 400
        limits.maxHeaderCount = 8
        limits.maxBodyBytes = 300
        return limits
    }()

    /// The events and error of one run; body events merged (their count depends on the split).
    struct Outcome: Equatable {
        var events: [HTTPParserEvent] = []
        var error: HTTPParseError?
    }

    static func run(_ input: UnsafeRawBufferPointer, cuts: [Int]) -> Outcome {
        var parser = HTTPRequestParser(limits: limits)
        var events: [HTTPParserEvent] = []
        var outcome = Outcome()
        var start = 0
        for end in cuts + [input.count] {
            do {
                try parser.parse(UnsafeRawBufferPointer(rebasing: input[start ..< end]), into: &events)
            } catch {
                outcome.error = error
                // A dead parser stays dead, with the same error.
                do {
                    try parser.parse(UnsafeRawBufferPointer(rebasing: input[0 ..< min(1, input.count)]), into: &events)
                    fatalError("a dead parser accepted more bytes")
                } catch let again {
                    precondition(again == error, "a dead parser threw \(again) after \(error)")
                }
                break
            }
            start = end
        }
        check(events)
        for event in events {
            if case .body(let more) = event, case .body(let previous)? = outcome.events.last {
                outcome.events[outcome.events.count - 1] = .body(previous + more)
            } else {
                outcome.events.append(event)
            }
        }
        return outcome
    }

    /// Events come in order (head, bodies, end), bodies are non-empty and fit the framing, and
    /// no message's body exceeds maxBodyBytes.
    static func check(_ events: [HTTPParserEvent]) {
        var framing: HTTPBodyFraming?
        var bodyBytes = 0
        for event in events {
            switch event {
            case .head(let head, let headFraming):
                precondition(framing == nil, "head inside a message")
                precondition(head.version == .http1_1 || head.version == .http1_0, "version \(head.version)")
                precondition(!head.target.isEmpty, "empty target")
                precondition(head.version == .http1_0 || head.headers.values("Host").count == 1, "Host rule broken")
                if case .length(let length) = headFraming {
                    precondition(length > 0 && length <= limits.maxBodyBytes, "declared length \(length)")
                }
                framing = headFraming
                bodyBytes = 0
            case .body(let bytes):
                guard let current = framing else { fatalError("body outside a message") }
                precondition(!bytes.isEmpty, "empty body event")
                bodyBytes += bytes.count
                precondition(bodyBytes <= limits.maxBodyBytes, "body over maxBodyBytes")
                switch current {
                case .none: fatalError("body in a message without one")
                case .length(let length): precondition(bodyBytes <= length, "body longer than Content-Length")
                case .chunked: break
                }
            case .end:
                guard let current = framing else { fatalError("end outside a message") }
                if case .length(let length) = current { precondition(bodyBytes == length, "short body") }
                if case .none = current { precondition(bodyBytes == 0, "body without framing") }
                framing = nil
            }
        }
    }

    static func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data, size > 0 else { return 0 }
        // The first byte chooses the cuts; the rest is the connection's bytes.
        let control = Int(data[0])
        let input = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
        let count = input.count

        let whole = run(input, cuts: [])
        var cuts = [count * (control & 0x0F) / 16, count * (control >> 4) / 16]
        if control & 0x01 == 0 { cuts.removeLast() }  // two or three pieces
        let split = run(input, cuts: Array(Set(cuts)).sorted())
        if split != whole {
            fatalError("split at \(cuts) changed the outcome:\n  whole: \(whole)\n  split: \(split)")
        }
        if count <= 256 {
            let byteByByte = run(input, cuts: Array(0 ..< count))
            if byteByByte != whole {
                fatalError("byte-by-byte changed the outcome:\n  whole: \(whole)\n  bytes: \(byteByByte)")
            }
        }
        return 0
    }
}

/// libFuzzer's own `main` comes along with -sanitize=fuzzer and needs this symbol to link.
/// SwiftPM's `main` (the code below) is the one that runs; should libFuzzer's ever win,
/// this is the same target.
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    ParserFuzzer.fuzzOne(data, size)
}

LibFuzzerDriver.run("BylineFuzzParser") { data, size in ParserFuzzer.fuzzOne(data, size) }
