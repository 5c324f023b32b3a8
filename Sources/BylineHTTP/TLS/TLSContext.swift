import COpenSSL

/// One immutable OpenSSL server context: certificate, key and protocol policy. Connections
/// take a reference to it when they are accepted (`SSL_new` up-refs the `SSL_CTX`), so a
/// reload can replace the context for new connections while existing ones keep theirs.
///
/// Policy (Mozilla "intermediate" profile, without finite-field DHE):
/// - TLS 1.2 and 1.3 only (RFC 8996 deprecates TLS 1.0 and 1.1);
/// - TLS 1.2: ECDHE key exchange with AEAD ciphers only (RFC 7525 §4.2); TLS 1.3: OpenSSL's
///   default suites, which are all AEAD (RFC 8446 §9.1);
/// - the server's cipher order wins, no TLS compression (RFC 7457 §2.6, CRIME), no
///   renegotiation (RFC 7457 §2.2); session tickets stay on (RFC 5077) for resumption.
public final class TLSContext: @unchecked Sendable {  // SSL_CTX is not mutated after init
    let handle: OpaquePointer
    public let configuration: TLSConfiguration

    static let tls12CipherList = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")
    static let groups = "X25519:P-256:P-384"

    public init(configuration: TLSConfiguration) throws {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw TLSError.context(reason: TLSError.drainErrorQueue())
        }
        handle = context
        self.configuration = configuration
        // From here on, deinit frees the context whatever fails below.
        guard byline_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) == 1,
              byline_SSL_CTX_set_max_proto_version(context, TLS1_3_VERSION) == 1,
              SSL_CTX_set_cipher_list(context, Self.tls12CipherList) == 1,
              byline_SSL_CTX_set1_groups_list(context, Self.groups) == 1 else {
            throw TLSError.context(reason: TLSError.drainErrorQueue())
        }
        SSL_CTX_set_options(context, byline_server_ssl_options())
        _ = byline_SSL_CTX_set_mode(context, byline_ssl_mode_partial_moving_write())
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificateChainPath) == 1 else {
            throw TLSError.certificateChain(path: configuration.certificateChainPath,
                                            reason: TLSError.drainErrorQueue())
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyPath, SSL_FILETYPE_PEM) == 1 else {
            throw TLSError.privateKey(path: configuration.privateKeyPath, reason: TLSError.drainErrorQueue())
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw TLSError.keyDoesNotMatchCertificate(reason: TLSError.drainErrorQueue())
        }
    }

    deinit { SSL_CTX_free(handle) }

    /// A server-side session on an accepted, non-blocking socket; nil if OpenSSL is out of
    /// memory (the caller closes the socket).
    func makeSession(fd: Int32) -> TLSSession? {
        guard let ssl = SSL_new(handle) else {
            ERR_clear_error()
            return nil
        }
        guard SSL_set_fd(ssl, fd) == 1 else {
            SSL_free(ssl)
            ERR_clear_error()
            return nil
        }
        SSL_set_accept_state(ssl)
        return TLSSession(ssl: ssl)
    }
}
