import ArgumentParser

/// The `byline` executable. The entry point is a type, not top-level code in main.swift:
/// closures made there would be @MainActor and trap when Dispatch runs them elsewhere.
@main
struct BylineCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "Byline: who said what, where, and who reported it — a news-analysis HTTP API.",
        subcommands: [ServeCommand.self, IngestCommand.self, AnalyzeCommand.self, VersionCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("byline \(BylineCommand.version)")
    }
}
