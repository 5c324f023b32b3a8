import BylineHTTP
import Foundation

/// Every setting of `byline serve`, resolved in this order: command-line flags, then
/// `BYLINE_*` environment variables, then the JSON config file, then the built-in defaults.
/// Keys are the same everywhere: `max_body_bytes` in the file is `BYLINE_MAX_BODY_BYTES`
/// in the environment. README.md documents each one.
struct Settings: Equatable {
    var host = "127.0.0.1"
    var port = 8080
    var database = "data/byline.sqlite"
    var seeds: String? = "seeds"
    var logLevel = "info"
    var accessLog = true
    var eventLoops = ProcessInfo.processInfo.activeProcessorCount
    var compressionMinBytes = 1024
    var articleCacheBytes = 32 * 1024 * 1024
    /// Bound of the cache of list, story, quote and search responses (dropped on every write).
    var readCacheBytes = 32 * 1024 * 1024
    /// Cap on the database file; past it writes get 503 as on a full disk. 0: no cap.
    var maxDatabaseBytes = 0
    /// Hex SHA-256 digests of the API keys that may write; empty: see `WriteAuthorization`.
    var apiKeySHA256: [String] = []
    /// PEM certificate chain and private key; both set: the server speaks HTTPS only.
    var tlsCert: String?
    var tlsKey: String?
    var limits = ServerLimits()
    /// Rate limits and CORS (`ClientPolicySettings`).
    var clientPolicy = ClientPolicySettings()

    /// A settings source: key → raw string value.
    typealias Source = [String: String]

    enum LoadError: Error, CustomStringConvertible {
        case unreadableConfig(String, String)
        case invalidValue(key: String, value: String, expected: String)
        case unknownKey(String, source: String)

        var description: String {
            switch self {
            case .unreadableConfig(let path, let why): "cannot read config file \(path): \(why)"
            case .invalidValue(let key, let value, let expected): "setting \(key)=\(value): expected \(expected)"
            case .unknownKey(let key, let source): "unknown setting \(key) in \(source)"
            }
        }
    }

    /// Every key, for validation and for the README.
    static let keys: [String] = [
        "host", "port", "database", "seeds", "no_seeds", "log_level", "access_log", "event_loops",
        "compression_min_bytes", "article_cache_bytes", "read_cache_bytes", "max_database_bytes", "api_key_sha256", "max_request_line_bytes", "max_header_bytes", "max_header_count",
        "max_body_bytes", "head_timeout_ms", "body_read_timeout_ms", "write_timeout_ms",
        "keep_alive_idle_timeout_ms", "max_requests_per_connection", "max_connections", "drain_timeout_ms",
        "max_pipelined_requests", "linger_timeout_ms", "min_body_bytes_per_second", "min_send_bytes_per_second",
        "tls_cert", "tls_key", "tls_handshake_timeout_ms",
    ] + ClientPolicySettings.keys

    /// Reads `BYLINE_<KEY>` variables (the config path itself is `BYLINE_CONFIG`).
    static func environmentSource(_ environment: [String: String]) -> Source {
        var source: Source = [:]
        for key in keys {
            if let value = environment["BYLINE_" + key.uppercased()] { source[key] = value }
        }
        return source
    }

    /// Reads a flat JSON object of settings. Unknown keys are errors: a typo must not be
    /// silently ignored.
    static func fileSource(path: String) throws -> Source {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError.unreadableConfig(path, "\(error.localizedDescription)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LoadError.unreadableConfig(path, "not a JSON object")
        }
        var source: Source = [:]
        for (key, value) in object {
            if key.hasPrefix("_") { continue }  // "_comment" keys document the file
            guard keys.contains(key) else { throw LoadError.unknownKey(key, source: path) }
            switch value {
            case let string as String: source[key] = string
            case let number as NSNumber:
                // JSON true/false arrive as NSNumber with the C type code "c" (char);
                // integers as "i"/"q". Without the check, 1 would read as true and true as 1.
                let isBoolean = String(cString: number.objCType) == "c"
                source[key] = isBoolean ? (number.boolValue ? "true" : "false") : number.stringValue
            case is NSNull: continue
            default: throw LoadError.invalidValue(key: key, value: "\(value)", expected: "a string, number or boolean")
            }
        }
        return source
    }

    /// Applies sources from lowest to highest precedence onto the defaults.
    static func resolve(layers: [Source]) throws -> Settings {
        var settings = Settings()
        for layer in layers {
            for (key, value) in layer { try settings.apply(key: key, value: value) }
        }
        if (settings.tlsCert == nil) != (settings.tlsKey == nil) {
            throw LoadError.invalidValue(key: settings.tlsCert == nil ? "tls_key" : "tls_cert", value: "(set alone)",
                                         expected: "tls_cert and tls_key together, or neither")
        }
        return settings
    }

    /// The server's TLS configuration, when both files are set.
    var tls: TLSConfiguration? {
        guard let tlsCert, let tlsKey else { return nil }
        return TLSConfiguration(certificateChainPath: tlsCert, privateKeyPath: tlsKey)
    }

    mutating func apply(key: String, value: String) throws {
        func int() throws -> Int {
            guard let v = Int(value.trimmingCharacters(in: .whitespaces)), v >= 0 else {
                throw LoadError.invalidValue(key: key, value: value, expected: "a non-negative integer")
            }
            return v
        }
        func positive() throws -> Int {
            let v = try int()
            guard v > 0 else { throw LoadError.invalidValue(key: key, value: value, expected: "a positive integer") }
            return v
        }
        func bool() throws -> Bool {
            switch value.lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw LoadError.invalidValue(key: key, value: value, expected: "true or false")
            }
        }
        switch key {
        case "host": host = value
        case "port":
            let p = try int()
            guard p <= 65535 else { throw LoadError.invalidValue(key: key, value: value, expected: "0…65535") }
            port = p
        case "database": database = value
        case "seeds": seeds = value.isEmpty ? nil : value
        case "no_seeds": if try bool() { seeds = nil }
        case "log_level":
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(value.lowercased()) else {
                throw LoadError.invalidValue(key: key, value: value, expected: levels.joined(separator: ", "))
            }
            logLevel = value.lowercased()
        case "access_log": accessLog = try bool()
        case "event_loops": eventLoops = try positive()
        case "compression_min_bytes": compressionMinBytes = try int()
        case "article_cache_bytes": articleCacheBytes = try int()
        case "read_cache_bytes": readCacheBytes = try int()
        case "max_database_bytes": maxDatabaseBytes = try int()
        case "api_key_sha256":
            let hashes = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty }
            guard hashes.allSatisfy({ $0.count == 64 && $0.allSatisfy(\.isHexDigit) }) else {
                throw LoadError.invalidValue(key: key, value: "(hidden)", expected: "comma-separated hex SHA-256 digests (byline hash-key)")
            }
            apiKeySHA256 = hashes
        case "max_request_line_bytes": limits.maxRequestLineBytes = try positive()
        case "max_header_bytes": limits.maxHeaderBytes = try positive()
        case "max_header_count": limits.maxHeaderCount = try positive()
        case "max_body_bytes": limits.maxBodyBytes = try int()
        case "head_timeout_ms": limits.headTimeoutMs = try positive()
        case "body_read_timeout_ms": limits.bodyReadTimeoutMs = try positive()
        case "write_timeout_ms": limits.writeTimeoutMs = try positive()
        case "keep_alive_idle_timeout_ms": limits.keepAliveIdleTimeoutMs = try positive()
        case "max_requests_per_connection": limits.maxRequestsPerConnection = try positive()
        case "max_connections": limits.maxConnections = try positive()
        case "drain_timeout_ms": limits.drainTimeoutMs = try int()
        case "max_pipelined_requests": limits.maxPipelinedRequests = try positive()
        case "linger_timeout_ms": limits.lingerTimeoutMs = try int()
        case "tls_cert": tlsCert = value.isEmpty ? nil : value
        case "tls_key": tlsKey = value.isEmpty ? nil : value
        case "tls_handshake_timeout_ms": limits.tlsHandshakeTimeoutMs = try positive()
        case "min_body_bytes_per_second": limits.minBodyBytesPerSecond = try int()
        case "min_send_bytes_per_second": limits.minSendBytesPerSecond = try int()
        default:
            guard ClientPolicySettings.keys.contains(key) else { throw LoadError.unknownKey(key, source: "settings") }
            try clientPolicy.apply(key: key, value: value)
        }
    }
}
