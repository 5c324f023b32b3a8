import Glibc

/// IMF-fixdate (RFC 9110 §5.6.7) for the `Date` header, cached per second: formatting on
/// every response would cost more than the rest of a small response's head.
public struct HTTPDateCache: Sendable {
    private var second: time_t = -1
    public private(set) var value: String = ""

    public init() { refresh() }

    /// Re-formats only when the wall-clock second changed.
    public mutating func refresh() {
        let now = time(nil)
        if now != second {
            second = now
            value = HTTPDateCache.format(now)
        }
    }

    public static func format(_ t: time_t) -> String {
        var t = t
        var tm = tm()
        gmtime_r(&t, &tm)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[Int(tm.tm_wday)]), \(two(tm.tm_mday)) \(months[Int(tm.tm_mon)]) \(tm.tm_year + 1900) "
            + "\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec)) GMT"
    }
}
