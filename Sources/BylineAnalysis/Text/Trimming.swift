extension StringProtocol {
    /// The text without leading and trailing characters that satisfy `isTrimmed`.
    func trimming(_ isTrimmed: (Character) -> Bool) -> String {
        var slice = Substring(self)
        while let first = slice.first, isTrimmed(first) { slice = slice.dropFirst() }
        while let last = slice.last, isTrimmed(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// Runs of white space collapsed to one space, ends trimmed: how a headline reads.
    func collapsingWhitespace() -> String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension Character {
    /// White space, or a character that is nothing but invisible format scalars.
    static func isNameSpace(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.allSatisfy(\.isBlankForTrimming)
    }
}
