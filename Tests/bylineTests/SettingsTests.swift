import BylineHTTP
import Foundation
import Testing
@testable import byline

struct SettingsTests {
    @Test func defaultsMatchTheDocumentedOnes() throws {
        let s = try Settings.resolve(layers: [])
        #expect(s.host == "127.0.0.1")
        #expect(s.port == 8080)
        #expect(s.database == "data/byline.sqlite")
        #expect(s.seeds == "seeds")
        #expect(s.limits.maxBodyBytes == 8 * 1024 * 1024)
    }

    @Test func flagsBeatEnvironmentWhichBeatsTheFile() throws {
        let file: Settings.Source = ["port": "7000", "host": "0.0.0.0", "max_body_bytes": "100"]
        let env = Settings.environmentSource(["BYLINE_PORT": "7001", "BYLINE_MAX_BODY_BYTES": "200", "PATH": "/bin"])
        let flags: Settings.Source = ["port": "7002"]
        let s = try Settings.resolve(layers: [file, env, flags])
        #expect(s.port == 7002)
        #expect(s.limits.maxBodyBytes == 200)
        #expect(s.host == "0.0.0.0")
    }

    @Test func noSeedsDisablesSeeding() throws {
        #expect(try Settings.resolve(layers: [["no_seeds": "true"]]).seeds == nil)
        #expect(try Settings.resolve(layers: [["no_seeds": "false"]]).seeds == "seeds")
    }

    @Test(arguments: [("port", "70000"), ("port", "x"), ("max_connections", "0"), ("access_log", "maybe"),
                      ("log_level", "loud"), ("head_timeout_ms", "-1"), ("api_key_sha256", "not-a-digest")])
    func invalidValuesAreRejected(_ pair: (String, String)) {
        #expect(throws: Settings.LoadError.self) { try Settings.resolve(layers: [[pair.0: pair.1]]) }
    }

    @Test func configFileIsReadAndUnknownKeysAreErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json")
        try Data(#"{"_comment": "x", "port": 9000, "access_log": false, "max_header_count": 50}"#.utf8).write(to: good)
        let source = try Settings.fileSource(path: good.path)
        let s = try Settings.resolve(layers: [source])
        #expect(s.port == 9000)
        #expect(s.accessLog == false)
        #expect(s.limits.maxHeaderCount == 50)
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"prot": 9000}"#.utf8).write(to: bad)
        #expect(throws: Settings.LoadError.self) { try Settings.fileSource(path: bad.path) }
    }

    /// The shipped config file holds every key and only known keys.
    @Test func shippedConfigFileIsValid() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/byline.json").path
        let source = try Settings.fileSource(path: path)
        _ = try Settings.resolve(layers: [source])
        #expect(Set(source.keys) == Set(Settings.keys).subtracting(["no_seeds", "event_loops"]))
    }

    @Test func apiKeyHashesAreListsOfDigests() throws {
        let a = String(repeating: "a", count: 64), b = String(repeating: "B", count: 64)
        #expect(try Settings.resolve(layers: [["api_key_sha256": " \(a), \(b) "]]).apiKeySHA256 == [a, b.lowercased()])
        #expect(try Settings.resolve(layers: [["api_key_sha256": ""]]).apiKeySHA256.isEmpty)
    }

    @Test func tlsNeedsCertificateAndKeyTogether() throws {
        let env = Settings.environmentSource(["BYLINE_TLS_CERT": "/etc/byline/cert.pem", "BYLINE_TLS_KEY": "/etc/byline/key.pem"])
        let s = try Settings.resolve(layers: [["tls_cert": "file.pem", "tls_key": "file.key"], env,
                                              ["tls_handshake_timeout_ms": "750"]])
        #expect(s.tls == TLSConfiguration(certificateChainPath: "/etc/byline/cert.pem", privateKeyPath: "/etc/byline/key.pem"))
        #expect(s.limits.tlsHandshakeTimeoutMs == 750)
        #expect(try Settings.resolve(layers: [["tls_cert": "", "tls_key": ""]]).tls == nil)
        #expect(throws: Settings.LoadError.self) { try Settings.resolve(layers: [["tls_cert": "c.pem"]]) }
        #expect(throws: Settings.LoadError.self) { try Settings.resolve(layers: [["tls_key": "k.pem"]]) }
        #expect(throws: Settings.LoadError.self) { try Settings.resolve(layers: [["tls_handshake_timeout_ms": "0"]]) }
    }

    @Test func tlsFlagsBeatTheEnvironment() throws {
        let options = try SettingsOptions.parse(["--tls-cert", "flag.pem", "--tls-key", "flag.key"])
        let s = try options.resolve(environment: ["BYLINE_TLS_CERT": "env.pem", "BYLINE_TLS_KEY": "env.key"])
        #expect(s.tls == TLSConfiguration(certificateChainPath: "flag.pem", privateKeyPath: "flag.key"))
    }
}
