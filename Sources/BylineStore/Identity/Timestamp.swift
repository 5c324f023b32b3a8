import Foundation

/// RFC 3339 timestamps in UTC with whole seconds (`2025-06-14T18:03:07Z`), as API.md asks.
enum Timestamp {
    static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
