import Foundation
import Logging
import BylineHTTP

/// swift-log handler writing one JSON object per line to standard error: the format log
/// collectors in containers ingest without parsing rules.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    private static let lock = NSLock()

    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        let line = Self.line(timestamp: Self.timestamp(), level: event.level, label: label,
                             message: event.message.description, metadata: fields)
        Self.lock.lock()
        FileHandle.standardError.write(Data(line.utf8))
        Self.lock.unlock()
    }

    /// One log line: a JSON object with sorted metadata keys, ending in a newline.
    static func line(timestamp: String, level: Logger.Level, label: String, message: String,
                     metadata: Logger.Metadata) -> String {
        var line = "{\"ts\":" + JSONString.quote(timestamp)
        line += ",\"level\":" + JSONString.quote(level.rawValue)
        line += ",\"logger\":" + JSONString.quote(label)
        line += ",\"msg\":" + JSONString.quote(message)
        for key in metadata.keys.sorted() {
            line += "," + JSONString.quote(key) + ":" + render(metadata[key]!)
        }
        return line + "}\n"
    }

    private static func render(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let s): return JSONString.quote(s)
        case .stringConvertible(let c):
            let s = c.description
            // Numbers stay numbers in the JSON line.
            if Double(s) != nil, !s.isEmpty, s.first != "+" { return s }
            return JSONString.quote(s)
        case .array(let items): return "[" + items.map(render).joined(separator: ",") + "]"
        case .dictionary(let dict):
            return "{" + dict.keys.sorted().map { JSONString.quote($0) + ":" + render(dict[$0]!) }.joined(separator: ",") + "}"
        }
    }

    private static func timestamp() -> String {
        var tv = timeval()
        gettimeofday(&tv, nil)
        var t = tv.tv_sec
        var tm = tm()
        gmtime_r(&t, &tm)
        func pad(_ v: Int32, _ width: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(tm.tm_year + 1900)-\(pad(tm.tm_mon + 1))-\(pad(tm.tm_mday))T\(pad(tm.tm_hour)):\(pad(tm.tm_min)):\(pad(tm.tm_sec)).\(pad(Int32(tv.tv_usec / 1000), 3))Z"
    }
}
