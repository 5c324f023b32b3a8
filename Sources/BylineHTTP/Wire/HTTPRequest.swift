/// A complete request as handlers see it: head, body, and what routing found.
public struct HTTPRequest: Sendable {
    public var head: HTTPRequestHead
    public var body: [UInt8]
    /// The decoded path of the target, without the query (`/v1/articles/abc`).
    public var path: String
    /// The raw query string after `?`, without it; empty when there is none.
    public var rawQuery: String
    /// Values captured by `{name}` segments of the matched route.
    public var pathParameters: [String: String] = [:]
    /// The route pattern that matched (`/v1/articles/{id}`), for logs and metrics.
    public var routePattern: String?
    /// The request id: a sane incoming `X-Request-Id`, else one the server generated.
    public var requestID: String = ""
    /// The peer address, `ip:port`.
    public var remoteAddress: String = ""

    public init(head: HTTPRequestHead, body: [UInt8] = [], remoteAddress: String = "") {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
        let target = head.target
        if let q = target.firstIndex(of: "?") {
            path = HTTPRequest.percentDecode(String(target[..<q])) ?? String(target[..<q])
            rawQuery = String(target[target.index(after: q)...])
        } else {
            path = HTTPRequest.percentDecode(target) ?? target
            rawQuery = ""
        }
    }

    public var method: HTTPMethod { head.method }
    public var headers: HTTPHeaders { head.headers }

    /// Query parameters in order; `+` is a space and `%XX` is decoded (HTML form encoding).
    public var queryItems: [(name: String, value: String)] {
        guard !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) -> String in
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return HTTPRequest.percentDecode(spaced) ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The first value of query parameter `name`.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Decodes `%XX` escapes as UTF-8; nil when an escape is malformed or the bytes are not UTF-8.
    public static func percentDecode<S: StringProtocol>(_ s: S) -> String? {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return String(s) }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            if b == UInt8(ascii: "%") {
                guard let h = it.next(), let l = it.next(),
                      let hv = hexValue(h), let lv = hexValue(l) else { return nil }
                out.append(hv << 4 | lv)
            } else {
                out.append(b)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of a: Character, with b: Character) -> String {
        String(self.map { $0 == a ? b : $0 })
    }
}
