/// Counts words as a reader would: whitespace-separated tokens that hold a letter or a digit,
/// so `Israel-Iran` is one word and a lone `—` is none.
public enum WordCounter {
    public static func count(_ text: some StringProtocol) -> Int {
        LineShape.wordCount(text)
    }
}
