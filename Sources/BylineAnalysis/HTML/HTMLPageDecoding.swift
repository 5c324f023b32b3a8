/// Page bytes to text, for keeping a page as a `String` (the store and `byline analyze`
/// hold pages as text; the extractor then parses that text as UTF-8).
extension HTMLArticleExtractor {
    /// UTF-8 when the bytes are UTF-8 (most pages, whatever they declare); ISO-8859-1 or
    /// windows-1252 when the page declares one of them (read as Latin-1: the two differ only
    /// in rarely used punctuation); otherwise UTF-8 with invalid bytes replaced.
    public static func decodePage(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let declared = HTMLCharset.encoding(of: bytes).lowercased()
        if ["iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii"].contains(declared) {
            var text = ""
            text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            return text
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
