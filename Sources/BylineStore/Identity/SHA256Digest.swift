import COpenSSL

/// SHA-256 through OpenSSL's EVP interface (already linked for TLS; no Swift crypto package).
enum SHA256Digest {
    /// Lower-case hex digest of `bytes`.
    static func hex(of bytes: some Collection<UInt8>) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let contiguous = Array(bytes)
        let ok = contiguous.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        // EVP_Digest fails only when OpenSSL cannot allocate or lacks SHA-256: not recoverable.
        precondition(ok == 1 && length == 32, "OpenSSL SHA-256 failed")
        let hexDigits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest[..<Int(length)] {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
