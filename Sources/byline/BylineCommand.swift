import ArgumentParser
import BylineHTTP

/// The `byline` executable. The entry point is a type, not top-level code in main.swift:
/// closures made there would be @MainActor and trap when Dispatch runs them elsewhere.
@main
struct BylineCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "Byline: who said what, where, and who reported it — a news-analysis HTTP API.",
        subcommands: [ServeCommand.self, IngestCommand.self, AnalyzeCommand.self, HashKeyCommand.self,
                      VersionCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("byline \(BylineCommand.version)")
    }
}

/// `byline hash-key`: the SHA-256 of an API key read from standard input (not an argument,
/// so it stays out of shell history and process lists), for `api_key_sha256`.
struct HashKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-key", abstract: "Print the SHA-256 of an API key read from standard input.")

    func run() throws {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("write the key on standard input")
        }
        print(SHA256Digest.hex(Array(line.utf8)))
    }
}
