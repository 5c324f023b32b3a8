import BylineHTTP
import Foundation
import Testing

/// Building a server context from PEM files, and the typed errors when that fails.
@Suite struct TLSContextTests {
    @Test func aMatchingCertificateAndKeyLoad() throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        let context = try TLSContext(configuration: certificate.tls)
        #expect(context.configuration == certificate.tls)
    }

    @Test func aMissingCertificateIsACertificateError() throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        let configuration = TLSConfiguration(certificateChainPath: "/nonexistent.pem", privateKeyPath: certificate.keyPath)
        #expect {
            try TLSContext(configuration: configuration)
        } throws: { error in
            guard case .certificateChain(let path, _) = error as? TLSError else { return false }
            return path == "/nonexistent.pem"
        }
    }

    @Test func aKeyThatIsNotPEMIsAKeyError() throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        let garbage = certificate.directory.appendingPathComponent("garbage.pem")
        try Data("not a key".utf8).write(to: garbage)
        #expect {
            try TLSContext(configuration: TLSConfiguration(certificateChainPath: certificate.certificatePath,
                                                           privateKeyPath: garbage.path))
        } throws: { error in
            guard case .privateKey = error as? TLSError else { return false }
            return true
        }
    }

    @Test func anotherCertificatesKeyIsAMismatch() throws {
        let a = try SelfSignedCertificate(commonName: "a"), b = try SelfSignedCertificate(commonName: "b")
        defer { a.remove(); b.remove() }
        #expect {
            try TLSContext(configuration: TLSConfiguration(certificateChainPath: a.certificatePath,
                                                           privateKeyPath: b.keyPath))
        } throws: { error in
            // OpenSSL checks the pair as the key is loaded, or in SSL_CTX_check_private_key.
            switch error as? TLSError {
            case .keyDoesNotMatchCertificate, .privateKey: return true
            default: return false
            }
        }
    }
}
