import COpenSSL

/// Why a TLS context could not be built. Raised at start-up and on reload, never while
/// serving: a failed reload keeps the previous context.
public enum TLSError: Error, CustomStringConvertible, Sendable, Equatable {
    case certificateChain(path: String, reason: String)
    case privateKey(path: String, reason: String)
    case keyDoesNotMatchCertificate(reason: String)
    case context(reason: String)

    public var description: String {
        switch self {
        case .certificateChain(let path, let reason): "cannot load TLS certificate chain \(path): \(reason)"
        case .privateKey(let path, let reason): "cannot load TLS private key \(path): \(reason)"
        case .keyDoesNotMatchCertificate(let reason): "TLS private key does not match the certificate: \(reason)"
        case .context(let reason): "cannot configure TLS: \(reason)"
        }
    }

    /// Drains OpenSSL's per-thread error queue into one line.
    static func drainErrorQueue() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? "unknown OpenSSL error" : messages.joined(separator: "; ")
    }
}
