import Glibc

/// How an event loop moves one connection's bytes: straight through the socket, or through
/// a TLS session over it. The HTTP state machine sees plaintext either way, and both paths
/// report "try again later" the same way, so back-pressure works alike.
enum ConnectionTransport {
    case plain
    case tls(TLSSession)

    enum ReadResult {
        case bytes(Int)
        /// Nothing to read now. `needsWritable`: TLS must write before it can read on.
        case wouldBlock(needsWritable: Bool)
        case endOfStream
        case failed
    }

    enum WriteResult {
        case wrote(Int)
        case wouldBlock
        case failed
    }

    func read(fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        switch self {
        case .plain:
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .endOfStream }
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
                ? .wouldBlock(needsWritable: false) : .failed
        case .tls(let session):
            switch session.read(into: buffer) {
            case .done(let n): return .bytes(n)
            case .wantRead: return .wouldBlock(needsWritable: false)
            case .wantWrite: return .wouldBlock(needsWritable: true)
            case .closed: return .endOfStream
            case .failed: return .failed
            }
        }
    }

    func write(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> WriteResult {
        switch self {
        case .plain:
            while true {
                let n = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
                if n >= 0 { return .wrote(n) }
                if errno == EINTR { continue }
                return errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .failed
            }
        case .tls(let session):
            switch session.write(bytes) {
            case .done(let n): return .wrote(n)
            // WANT_READ cannot happen without renegotiation (disabled) or a TLS 1.3
            // key update in flight; either way the next readable event resumes us.
            case .wantRead, .wantWrite: return .wouldBlock
            case .closed, .failed: return .failed
            }
        }
    }

    /// Input already decrypted or buffered inside OpenSSL, which epoll cannot see.
    var hasBufferedInput: Bool {
        if case .tls(let session) = self { return session.hasBufferedInput }
        return false
    }

    /// Ends our side of the stream: close_notify first for TLS (RFC 8446 §6.1), then the
    /// TCP half-close, so the peer reads a clean end rather than a truncation.
    func shutdownWrite(fd: Int32) {
        if case .tls(let session) = self { session.sendCloseNotify() }
        shutdown(fd, Int32(SHUT_WR))
    }
}
