import COpenSSL
import Foundation
import Glibc

/// A libssl client for integration tests: trusts one certificate (the server's self-signed
/// one), checks the host name, and can be limited to old protocol versions to test that the
/// server refuses them.
final class TLSTestClient {
    private let context: OpaquePointer
    let serverName: String

    struct HandshakeFailed: Error, CustomStringConvertible { let description: String }

    /// `maxVersion`: e.g. `TLS1_1_VERSION` to offer only TLS 1.1 and older. Old versions also
    /// need security level 0, or OpenSSL would refuse to even send such a ClientHello.
    init(trusting certificatePath: String, serverName: String = "localhost",
         minVersion: Int32 = TLS1_2_VERSION, maxVersion: Int32 = 0) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw HandshakeFailed(description: "SSL_CTX_new") }
        self.context = context
        self.serverName = serverName
        _ = byline_SSL_CTX_set_min_proto_version(context, minVersion)
        if maxVersion != 0 {
            _ = byline_SSL_CTX_set_max_proto_version(context, maxVersion)
            if maxVersion < TLS1_2_VERSION { SSL_CTX_set_cipher_list(context, "DEFAULT:@SECLEVEL=0") }
        }
        guard SSL_CTX_load_verify_locations(context, certificatePath, nil) == 1 else {
            throw HandshakeFailed(description: "cannot load \(certificatePath)")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
    }

    deinit { SSL_CTX_free(context) }

    /// Handshakes on a connected blocking socket; throws with OpenSSL's reason on failure.
    func handshake(fd: Int32) throws -> Session {
        guard let ssl = SSL_new(context) else { throw HandshakeFailed(description: "SSL_new") }
        let session = Session(ssl: ssl)
        _ = byline_SSL_set_tlsext_host_name(ssl, serverName)
        SSL_set1_host(ssl, serverName)
        SSL_set_fd(ssl, fd)
        ERR_clear_error()
        let rc = SSL_connect(ssl)
        guard rc == 1 else {
            let error = SSL_get_error(ssl, rc)
            var reasons: [String] = []
            var code = ERR_get_error()
            while code != 0 {
                var text = [UInt8](repeating: 0, count: 256)
                text.withUnsafeMutableBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { ERR_error_string_n(code, $0.baseAddress, $0.count) }
                }
                reasons.append(String(decoding: text.prefix { $0 != 0 }, as: UTF8.self))
                code = ERR_get_error()
            }
            throw HandshakeFailed(description: "SSL_connect error \(error): \(reasons.joined(separator: "; "))")
        }
        return session
    }

    /// One client connection's TLS state.
    final class Session {
        let ssl: OpaquePointer

        init(ssl: OpaquePointer) { self.ssl = ssl }
        deinit { SSL_free(ssl) }

        func write(_ bytes: UnsafeRawBufferPointer) -> Int {
            Int(SSL_write(ssl, bytes.baseAddress, Int32(bytes.count)))
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
            Int(SSL_read(ssl, buffer.baseAddress, Int32(buffer.count)))
        }

        var protocolVersion: String { String(cString: SSL_get_version(ssl)) }
        var cipher: String { String(cString: SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) }

        /// The CN of the certificate the server presented.
        var peerCommonName: String? {
            guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
            defer { X509_free(certificate) }
            var name = [CChar](repeating: 0, count: 256)
            let length = X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, &name, Int32(name.count))
            return length > 0 ? String(cString: name) : nil
        }
    }
}
