import BylineHTTP
import Foundation

/// A fresh self-signed ECDSA P-256 certificate for `localhost` and 127.0.0.1, written to a
/// temporary directory by the `openssl` command line tool. Its subject CN tells two
/// certificates apart in reload tests.
struct SelfSignedCertificate {
    let directory: URL
    let commonName: String
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    var keyPath: String { directory.appendingPathComponent("key.pem").path }
    var tls: TLSConfiguration { TLSConfiguration(certificateChainPath: certificatePath, privateKeyPath: keyPath) }

    struct GenerationFailed: Error, CustomStringConvertible { let description: String }

    init(commonName: String = "byline-test") throws {
        self.commonName = commonName
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("byline-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-days", "2", "-subj", "/CN=\(commonName)",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", directory.appendingPathComponent("key.pem").path,
            "-out", directory.appendingPathComponent("cert.pem").path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GenerationFailed(description: "openssl req failed: \(String(decoding: message, as: UTF8.self))")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
