import Foundation

/// One request case of llhttp's markdown test corpus (MIT, see Fixtures/llhttp/LICENSE-MIT).
struct LLHTTPCase: Sendable, CustomStringConvertible {
    /// `file.md › heading`, with ` #2`… when a heading repeats in a file.
    let name: String
    /// The markdown file, e.g. `invalid.md`.
    let file: String
    /// The request bytes exactly as llhttp's test runner feeds them.
    let raw: [UInt8]
    /// llhttp (strict) reports an error: the log has `error code=N` other than a pause.
    let mustFail: Bool
    /// The `reason` of that error, for messages.
    let llhttpError: String?
    /// Where llhttp stops parsing HTTP/1 because the request asks to switch protocols
    /// (`Pause on CONNECT/Upgrade`, code 22; `Pause on PRI/Upgrade`, code 23). These pauses
    /// are not errors: what follows is another protocol's data, which an HTTP/1.1 server that
    /// does not switch (RFC 9110 §7.8, §9.3.6) never sees as such.
    let switchOffset: Int?
    /// How many heads (`headers complete`) and messages (`message complete`) llhttp's log
    /// reports before it stops: a must-parse case need not end in a complete message (some
    /// stop mid-body).
    let llhttpHeads: Int
    let llhttpMessages: Int

    /// The bytes llhttp parses as HTTP/1: `raw` up to `switchOffset`.
    var httpBytes: [UInt8] { Array(raw[..<(switchOffset ?? raw.count)]) }

    var description: String { name }
}

/// Reads the request cases of llhttp's markdown corpus, copied byte for byte into
/// `Tests/BylineHTTPTests/Fixtures/llhttp` (located from `#filePath`, so no resources need
/// declaring).
///
/// Which cases are taken: those whose meta has `"type": "request"`. Other meta keys do not
/// change the bytes or the verdict and are accepted: `noScan` (llhttp skips its split-scan
/// variant) and `pause` (llhttp pauses in a callback and resumes). Left out: `skipBody`
/// (its `on_headers_complete` tells llhttp the message has no body, as a client does for a
/// response to HEAD; a request parser has no such input), and
/// every `request-lenient-*` type (llhttp with a leniency flag turned on; we are strict) —
/// this includes all cases of `lenient-*.md`, which are not read at all — and
/// `request-finish` (behaviour of `llhttp_finish()` at EOF, which is not a parse of the
/// bytes). There is no `mode` key in this corpus version; a case with `"mode"` other than
/// `"strict"` would be skipped too.
enum LLHTTPCorpus {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // BylineHTTPTests
        .appendingPathComponent("Fixtures/llhttp", isDirectory: true)

    /// Every usable request case of the corpus, in file order.
    static func requestCases() throws -> [LLHTTPCase] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("lenient-") }
            .sorted()
        var cases: [LLHTTPCase] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            cases += requestCases(inMarkdown: text, file: file)
        }
        return cases
    }

    /// The request cases of one markdown file: a `<!-- meta={...} -->` line, then an
    /// ```` ```http ```` block, then a ```` ```log ```` block.
    static func requestCases(inMarkdown text: String, file: String) -> [LLHTTPCase] {
        var cases: [LLHTTPCase] = []
        var heading = file
        var headingUses: [String: Int] = [:]
        var meta: [String: Any]?
        var http: String?
        var openBlock: (info: String, lines: [String])?

        func closeBlock() {
            guard let block = openBlock else { return }
            openBlock = nil
            let content = block.lines.joined(separator: "\n")
            switch block.info {
            case "http":
                http = meta == nil ? nil : content
            case "log":
                defer { meta = nil; http = nil }
                guard let meta, let http, isStrictRequest(meta) else { return }
                let uses = headingUses[heading, default: 0] + 1
                headingUses[heading] = uses
                let name = "\(file) › \(heading)" + (uses > 1 ? " #\(uses)" : "")
                cases.append(makeCase(name: name, file: file, http: http, log: content))
            default:
                break
            }
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                // A fence closes the open block. The corpus has one log block whose closing
                // fence is missing (invalid.md, "Invalid header token #2"); a strict
                // CommonMark reader would swallow the next case into it. An info string
                // (```http) can never close a block in CommonMark, so treating it as
                // "close, then open" recovers that next case without changing any other.
                let info = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                if openBlock != nil {
                    closeBlock()
                    if info.isEmpty { continue }
                }
                openBlock = (info, [])
                continue
            }
            if openBlock != nil {
                openBlock!.lines.append(line)
                continue
            }
            if line.hasPrefix("#") {
                heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("<!-- meta="), line.hasSuffix("-->") {
                let json = line.dropFirst("<!-- meta=".count).dropLast(3)
                meta = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
                http = nil
            }
        }
        closeBlock()
        return cases
    }

    private static func isStrictRequest(_ meta: [String: Any]) -> Bool {
        guard meta["type"] as? String == "request", meta["skipBody"] == nil else { return false }
        if let mode = meta["mode"] as? String, mode != "strict" { return false }
        return true
    }

    private static func makeCase(name: String, file: String, http: String, log: String) -> LLHTTPCase {
        var llhttpError: String?
        var mustFail = false
        var switchOffset: Int?
        for line in log.split(separator: "\n") {
            // off=117 error code=22 reason="Pause on CONNECT/Upgrade"
            guard let codeRange = line.range(of: " error code=") else { continue }
            let code = Int(line[codeRange.upperBound...].prefix { $0.isNumber }) ?? -1
            let offset = Int(line.dropFirst("off=".count).prefix { $0.isNumber })
            let reason = line.range(of: "reason=").map { String(line[$0.upperBound...]) }
            switch code {
            case 21:  // HPE_PAUSED: a callback asked to pause; resumed, not an error.
                continue
            case 22, 23:  // HPE_PAUSED_UPGRADE, HPE_PAUSED_H2_UPGRADE: protocol switch.
                switchOffset = offset
            default:
                mustFail = true
                llhttpError = reason
            }
            break
        }
        let logLines = log.split(separator: "\n")
        return LLHTTPCase(name: name, file: file, raw: decodeHTTPBlock(http),
                          mustFail: mustFail, llhttpError: llhttpError, switchOffset: switchOffset,
                          llhttpHeads: logLines.filter { $0.contains(" headers complete") }.count,
                          llhttpMessages: logLines.filter { $0.hasSuffix(" message complete") }.count)
    }

    /// Turns an http block into bytes the way llhttp's test runner (test/md-test.ts) does:
    /// a backslash at the end of a line joins it to the next one; line breaks become CRLF;
    /// the escapes `\r`, `\n`, `\t`, `\f`, `\xHH` and octal `\NNN` (1 to 3 digits) name a
    /// character. The runner builds a JavaScript string and sends it UTF-8 encoded, so an
    /// escape above 0x7F arrives as two bytes (sample.md "255 ASCII in header value": `\xff`
    /// gives a value of len=8 for `ÿValue2`). Any other backslash is a literal backslash
    /// (uri.md has `\"`, and its log shows the backslashes arriving). The block ends without
    /// a line break: a request ending in CRLF CRLF is written with two empty lines before
    /// the closing fence.
    static func decodeHTTPBlock(_ block: String) -> [UInt8] {
        let source = Array(block.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count + 32)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") {
                bytes += [0x0D, 0x0A]
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "\\"), index + 1 < source.count else {
                bytes.append(byte)
                index += 1
                continue
            }
            let next = source[index + 1]
            switch next {
            case UInt8(ascii: "\n"): index += 2  // line continuation
            case UInt8(ascii: "r"): bytes.append(0x0D); index += 2
            case UInt8(ascii: "n"): bytes.append(0x0A); index += 2
            case UInt8(ascii: "t"): bytes.append(0x09); index += 2
            case UInt8(ascii: "f"): bytes.append(0x0C); index += 2
            case UInt8(ascii: "x") where index + 3 < source.count
                && hexDigit(source[index + 2]) != nil && hexDigit(source[index + 3]) != nil:
                appendCharacter(hexDigit(source[index + 2])! * 16 + hexDigit(source[index + 3])!, to: &bytes)
                index += 4
            case UInt8(ascii: "0") ... UInt8(ascii: "7"):
                var value = 0
                var digits = 0
                index += 1
                while digits < 3, index < source.count,
                      source[index] >= UInt8(ascii: "0"), source[index] <= UInt8(ascii: "7") {
                    value = value * 8 + Int(source[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                appendCharacter(value, to: &bytes)
            default:
                bytes.append(byte)
                index += 1
            }
        }
        return bytes
    }

    /// Appends the UTF-8 encoding of the character with this code point (< 0x100 here).
    private static func appendCharacter(_ codePoint: Int, to bytes: inout [UInt8]) {
        bytes += Array(String(Character(Unicode.Scalar(UInt8(codePoint)))).utf8)
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
