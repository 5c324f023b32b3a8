import ArgumentParser
import Foundation

/// Flags shared by the commands that open the store; the highest-precedence settings layer.
struct SettingsOptions: ParsableArguments {
    @Option(help: "Address to bind (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (default 8080).")
    var port: Int?

    @Option(help: "SQLite database file (default data/byline.sqlite).")
    var database: String?

    @Option(help: "Directory of articles ingested on first start, when the store is empty (default seeds).")
    var seeds: String?

    @Flag(help: "Do not ingest seed articles on first start.")
    var noSeeds = false

    @Option(help: "PEM certificate chain: serve HTTPS with --tls-key (reloaded on SIGHUP).")
    var tlsCert: String?

    @Option(help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(help: "JSON config file (default Config/byline.json when present; env BYLINE_CONFIG).")
    var config: String?

    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        var layers: [Settings.Source] = []
        let explicitConfig = config ?? environment["BYLINE_CONFIG"]
        let configPath = explicitConfig ?? "Config/byline.json"
        if explicitConfig != nil || FileManager.default.fileExists(atPath: configPath) {
            layers.append(try Settings.fileSource(path: configPath))
        }
        layers.append(Settings.environmentSource(environment))
        var flags: Settings.Source = [:]
        if let host { flags["host"] = host }
        if let port { flags["port"] = String(port) }
        if let database { flags["database"] = database }
        if let seeds { flags["seeds"] = seeds }
        if noSeeds { flags["no_seeds"] = "true" }
        if let tlsCert { flags["tls_cert"] = tlsCert }
        if let tlsKey { flags["tls_key"] = tlsKey }
        layers.append(flags)
        return try Settings.resolve(layers: layers)
    }
}
