import Foundation

/// An outlet's ID: its name reduced to a URL-safe slug (`TRT World` → `trt-world`,
/// `Le Monde diplomatique` → `le-monde-diplomatique`, `Süddeutsche Zeitung` →
/// `suddeutsche-zeitung`). Slugging a slug gives it back, so clients may filter by either.
public enum OutletSlug {
    public static func slug(for name: String) -> String {
        var slug = ""
        var pendingHyphen = false
        // Compatibility decomposition splits accents (and ligatures) off their letters.
        for scalar in name.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let byte: UInt8
            switch scalar.value {
            case 0x41...0x5A: byte = UInt8(scalar.value + 0x20)  // A-Z, lower-cased
            case 0x61...0x7A, 0x30...0x39: byte = UInt8(scalar.value)  // a-z, 0-9
            default:
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !slug.isEmpty { slug.append("-") }
            pendingHyphen = false
            slug.unicodeScalars.append(Unicode.Scalar(byte))
        }
        if slug.isEmpty {
            // A name with no Latin letters or digits (`新华社`) still needs a stable ASCII ID.
            return "outlet-" + SHA256Digest.hex(of: name.precomposedStringWithCanonicalMapping.utf8).prefix(12)
        }
        return slug
    }
}
