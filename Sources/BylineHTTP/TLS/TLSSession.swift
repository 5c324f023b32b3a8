import COpenSSL

/// One connection's TLS state over a non-blocking socket. Every call returns at once:
/// when OpenSSL needs the socket to become readable or writable it says so, and the event
/// loop turns that into epoll interest. Owned by one event loop; never shared.
final class TLSSession {
    /// The outcome of one non-blocking TLS operation.
    enum Outcome: Equatable {
        /// Handshake finished, or this many plaintext bytes were read or written.
        case done(Int)
        /// Retry when the socket is readable (SSL_ERROR_WANT_READ).
        case wantRead
        /// Retry when the socket is writable (SSL_ERROR_WANT_WRITE).
        case wantWrite
        /// The peer closed: close_notify (RFC 8446 §6.1) or a bare TCP end of stream.
        case closed
        /// A protocol or socket error; the connection cannot continue.
        case failed
    }

    private let ssl: OpaquePointer
    private(set) var handshakeComplete = false

    init(ssl: OpaquePointer) {
        self.ssl = ssl
    }

    deinit { SSL_free(ssl) }

    func handshake() -> Outcome {
        ERR_clear_error()
        let rc = SSL_do_handshake(ssl)
        if rc == 1 {
            handshakeComplete = true
            return .done(0)
        }
        return outcome(for: rc)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Outcome {
        ERR_clear_error()
        let rc = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        return rc > 0 ? .done(Int(rc)) : outcome(for: rc)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        ERR_clear_error()
        let rc = SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count))
        return rc > 0 ? .done(Int(rc)) : outcome(for: rc)
    }

    /// Plaintext or records OpenSSL already holds: epoll will not report them, so the
    /// loop must read again before waiting.
    var hasBufferedInput: Bool { SSL_has_pending(ssl) == 1 }

    /// Sends close_notify once, best effort (RFC 8446 §6.1: each party sends it before
    /// closing its write side). Does not wait for the peer's.
    func sendCloseNotify() {
        guard handshakeComplete else { return }
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// The negotiated protocol, e.g. "TLSv1.3".
    var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    private func outcome(for rc: Int32) -> Outcome {
        let error = SSL_get_error(ssl, rc)
        defer { ERR_clear_error() }
        switch error {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL:
            // rc == 0 with an empty error queue: the peer ended the TCP stream without
            // close_notify. Treated as a close, as browsers and curl do (RFC 8446 §6.1).
            return ERR_peek_error() == 0 && rc == 0 ? .closed : .failed
        default: return .failed
        }
    }
}
