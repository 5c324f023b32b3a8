import Foundation
import Glibc
import BylineHTTP
import COpenSSL

/// A blocking client socket for integration tests: sends raw bytes, as curl or an attacker
/// would, and reads responses with a deadline so a hung server fails the test, not CI.
final class RawConnection {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// After `startTLS`, bytes go through this client session instead of the raw socket.
    private(set) var tls: TLSTestClient.Session?

    struct Response {
        var status: Int
        var reason: String
        var headers: HTTPHeaders
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        var rawHead: String
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(port: Int, timeoutMs: Int = 5000) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var tv = timeval(tv_sec: timeoutMs / 1000, tv_usec: (timeoutMs % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else { close(fd); throw Failure(description: "connect failed: \(errno)") }
    }

    deinit {
        tls = nil  // SSL_free before the socket closes
        close(fd)
    }

    /// Runs a TLS client handshake on this socket (blocking, within the read timeout).
    func startTLS(_ client: TLSTestClient) throws {
        tls = try client.handshake(fd: fd)
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                if let tls { return tls.write(UnsafeRawBufferPointer(rebasing: raw[offset...])) }
                return Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads more bytes; false on EOF, reset or timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { raw in
            if let tls { return tls.read(into: raw) }
            return recv(fd, raw.baseAddress, raw.count, 0)
        }
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    /// Reads one response (interim 1xx responses are returned as responses too).
    /// `forHead`: the response answers HEAD, so it has no body whatever its headers say.
    func readResponse(forHead: Bool = false) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            if let range = firstRange(of: separator) { headEnd = range; break }
            guard fill() else { throw Failure(description: "connection ended before a response head; got \(String(decoding: buffer, as: UTF8.self))") }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw Failure(description: "bad status line \(statusLine)")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "bad header line \(line)") }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        var body: [UInt8] = []
        if !forHead && status >= 200 && status != 204 && status != 304 {
            guard let lengthText = headers["Content-Length"], let length = Int(lengthText) else {
                throw Failure(description: "response without Content-Length: \(head)")
            }
            while buffer.count < length {
                guard fill() else { throw Failure(description: "body cut short") }
            }
            body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        }
        return Response(status: status, reason: parts.count > 2 ? parts[2] : "", headers: headers, body: body, rawHead: head)
    }

    /// True if the server closes the connection (EOF or reset) within the read timeout,
    /// discarding anything else it sends.
    func closedByPeer() -> Bool {
        buffer.removeAll()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }

    /// Every byte until the peer closes (or the timeout).
    func readToEnd() -> [UInt8] {
        while fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    private func firstRange(of needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for i in 0...(buffer.count - needle.count) where buffer[i] == needle[0] {
            if Array(buffer[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
