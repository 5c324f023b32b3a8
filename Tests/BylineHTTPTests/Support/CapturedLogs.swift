import Logging
import BylineConcurrency

/// A logger whose records a test can read back: to check what is logged, and what never is.
final class CapturedLogs: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
        /// The record as one line, for "this secret appears nowhere" checks.
        var text: String { "\(message) \(metadata.sorted { $0.key < $1.key })" }
    }

    private let records = Locked<[Record]>([])

    var all: [Record] { records.withLock { $0 } }

    var logger: Logger {
        Logger(label: "captured") { _ in Handler(logs: self) }
    }

    fileprivate func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    private struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var flat: [String: String] = [:]
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
                flat[key] = "\(value)"
            }
            logs.append(Record(level: event.level, message: "\(event.message)", metadata: flat))
        }
    }
}
