/// A parsed `Content-Type` value (RFC 9110 §8.3.1): `type/subtype` lower-cased, and its
/// parameters with lower-cased names and unquoted values.
struct MediaType: Equatable {
    let essence: String
    let parameters: [String: String]

    init?(_ header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let essence = parts[0].trimmingSpaces().lowercased()
        let pieces = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty,
              !essence.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        var parameters: [String: String] = [:]
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = pair[1].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            parameters[pair[0].trimmingSpaces().lowercased()] = value
        }
        self.essence = essence
        self.parameters = parameters
    }

    /// True when there is no charset parameter or it names UTF-8 (or its subset US-ASCII).
    var isUTF8Compatible: Bool {
        guard let charset = parameters["charset"]?.lowercased() else { return true }
        return ["utf-8", "utf8", "us-ascii"].contains(charset)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
