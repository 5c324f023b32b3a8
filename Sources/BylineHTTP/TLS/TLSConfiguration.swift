/// Where the server's certificate chain and private key live (PEM files). Read when the
/// server starts and again on every `HTTPServer.reloadTLS()`.
public struct TLSConfiguration: Sendable, Equatable {
    /// The leaf certificate first, then any intermediates.
    public var certificateChainPath: String
    public var privateKeyPath: String

    public init(certificateChainPath: String, privateKeyPath: String) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
    }
}
