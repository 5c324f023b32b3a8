import Foundation

/// A position in the article list: "after the article with this sequence number".
///
/// Keyset pagination on the ingestion sequence, which only grows and is never reused, so a
/// walk through the pages sees each article once and in order even while others are added
/// or deleted. Clients see it as an opaque base64url token (`djE6MTI`), versioned inside
/// (`v1:12`) so its meaning can change without old tokens being misread.
public struct ArticleCursor: Sendable, Hashable {
    public let afterSequence: Int64

    public init(afterSequence: Int64) {
        self.afterSequence = afterSequence
    }

    /// Decodes a token; nil for anything this version did not issue.
    public init?(token: String) {
        guard !token.isEmpty, token.count <= 64,
              token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let plain = String(data: data, encoding: .utf8),
              plain.hasPrefix(ArticleCursor.prefix)
        else { return nil }
        let digits = plain.dropFirst(ArticleCursor.prefix.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let sequence = Int64(digits)
        else { return nil }
        self.afterSequence = sequence
    }

    /// The opaque, URL-safe token (base64url without padding).
    public var token: String {
        Data((ArticleCursor.prefix + String(afterSequence)).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static let prefix = "v1:"
}
