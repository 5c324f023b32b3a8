/// Russian and Ukrainian personal names romanised differently by different outlets
/// ("Zelenskyy", "Zelenskiy", "Zelensky"; "Dmitry", "Dmitri", "Dmitriy"). `foldedName`
/// writes every such variant one way, so the store can give them one identity; the
/// analysis of an article still says the name that article used.
///
/// Conservative on purpose, because a wrong fold merges two people:
/// - given names only from a table of romanisations of one Cyrillic name; no English,
///   Polish or Czech name is folded into a Russian one ("Alexander" is not "Aleksandr",
///   "Andrej" is not "Andrei", "Petr" is not "Pyotr"), and no generic -i/-y rule, which
///   would merge "Mari" with "Mary" and "Toni" with "Tony";
/// - surname endings only where the doubled or i/y ending is a romanisation of -ий/-ый and
///   no English, Polish or Chinese name ends that way: -skyy/-skyi/-skiy/-skii → -sky
///   (also -zk-, -ck-), -nyi → -ny after a consonant, and -yy/-iy → -y after a consonant.
///   Polish -ski stays apart from -sky, so Sikorski is not Sikorsky; pinyin "Xinyi" and
///   Japanese "Fujii" keep their endings.
public enum RomanizedNameVariants {
    /// Canonical form (the one English-language wires use most) → other romanisations.
    static let givenNameGroups: SpellingGroups = [
        ("Dmitry", ["Dmitri", "Dmitriy", "Dmitrii"]),
        ("Yuri", ["Yury", "Yuriy", "Yurii", "Iurii"]),
        ("Sergei", ["Sergey"]),
        ("Alexei", ["Alexey", "Aleksei", "Aleksey"]),
        ("Andrei", ["Andrey"]),
        ("Nikolai", ["Nikolay"]),
        ("Vasily", ["Vasili", "Vasiliy", "Vasilii", "Vassily"]),
        ("Anatoly", ["Anatoli", "Anatoliy", "Anatolii"]),
        ("Gennady", ["Gennadi", "Gennadiy", "Gennadii"]),
        ("Valery", ["Valeri", "Valeriy", "Valerii"]),
        ("Vitaly", ["Vitali", "Vitaliy", "Vitalii"]),
        ("Yevgeny", ["Yevgeni", "Yevgeniy", "Yevgenii", "Evgeny", "Evgeni", "Evgeniy", "Evgenii"]),
        ("Arkady", ["Arkadi", "Arkadiy", "Arkadii"]),
        ("Grigory", ["Grigori", "Grigoriy", "Grigorii"]),
        ("Georgy", ["Georgi", "Georgiy", "Georgii"]),
        ("Matvei", ["Matvey"]),
        ("Timofei", ["Timofey"]),
        ("Aleksandr", ["Alexandr"]),
        ("Yulia", ["Yuliya", "Yuliia", "Iuliia"]),
        ("Oleksiy", ["Oleksii", "Olexiy"]),
        ("Oleksandr", ["Olexandr"]),
        ("Andriy", ["Andrii"]),
        ("Serhiy", ["Serhii"]),
        ("Mykhailo", ["Mykhaylo"]),
    ]

    /// Lower-cased spelling → canonical given name.
    static let canonicalGivenNames = givenNameGroups.canonicalTable { $0.lowercased() }

    /// The name with each word written the one way this table and these endings agree on.
    /// A name with no variant word comes back unchanged.
    public static func foldedName(_ name: String) -> String {
        guard name.contains(" ") else { return foldedWord(Substring(name)) }
        return name.split(separator: " ", omittingEmptySubsequences: false).map(foldedWord).joined(separator: " ")
    }

    /// One word of a person's name, folded.
    public static func foldedWord(_ word: Substring) -> String {
        let lower = word.lowercased()
        if let canonical = canonicalGivenNames[lower] { return canonical }
        let letters = Array(lower.unicodeScalars)
        guard letters.count >= 5, let cut = endingLength(letters) else { return String(word) }
        return String(word.unicodeScalars.dropLast(cut)) + "y"
    }

    /// How many final letters (-ий/-ый romanised) give way to a single "y", or nil.
    private static func endingLength(_ s: [Unicode.Scalar]) -> Int? {
        let n = s.count
        let last2 = String(String.UnicodeScalarView(s[(n - 2)...]))
        let before = s[n - 3], beforeThat = s[n - 4]
        let adjectival = before == "k" && ["s", "z", "c"].contains(beforeThat)
        if adjectival {
            if ["yy", "yi", "iy", "ii"].contains(last2) { return 2 }
            return nil  // -sky itself, or -ski: left as written
        }
        if ["yy", "iy"].contains(last2), isConsonant(before) { return 2 }
        if last2 == "yi", before == "n", isConsonant(beforeThat) { return 2 }
        return nil
    }

    private static func isConsonant(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) && !"aeiouy".unicodeScalars.contains(scalar)
    }
}
