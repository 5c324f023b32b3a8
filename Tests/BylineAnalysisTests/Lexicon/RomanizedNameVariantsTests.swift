import Testing
@testable import BylineAnalysis

@Suite("Romanised name variants")
struct RomanizedNameVariantsTests {
    @Test("romanisations of one name fold together", arguments: [
        ["Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskiy", "Volodymyr Zelenskyi", "Volodymyr Zelenskii"],
        ["Dmitry Peskov", "Dmitri Peskov", "Dmitriy Peskov", "Dmitrii Peskov"],
        ["Yuri Ushakov", "Yury Ushakov", "Yuriy Ushakov", "Yurii Ushakov"],
        ["Sergei Lavrov", "Sergey Lavrov"],
        ["Alexei Navalny", "Alexey Navalny", "Aleksei Navalnyy", "Aleksey Navalniy"],
        ["Valeriy Zaluzhnyi", "Valery Zaluzhny", "Valerii Zaluzhnyy"],
        ["Vitali Klitschko", "Vitaliy Klitschko", "Vitaly Klitschko"],
        ["Yevgeny Prigozhin", "Evgeny Prigozhin", "Yevgeniy Prigozhin"],
        ["Ihor Kolomoisky", "Ihor Kolomoiskyi", "Ihor Kolomoiskiy"],
    ])
    func folds(_ spellings: [String]) {
        let folded = Set(spellings.map(RomanizedNameVariants.foldedName))
        #expect(folded.count == 1, "\(folded)")
    }

    @Test("names of different people stay apart", arguments: [
        ("Mari Lee", "Mary Lee"), ("Toni Kroos", "Tony Kroos"), ("Radoslaw Sikorski", "Radoslaw Sikorsky"),
        ("Alexander Novak", "Aleksandr Novak"), ("Andrej Babis", "Andrei Babis"), ("Petr Pavel", "Pyotr Pavel"),
        ("Dmitry Medvedev", "Dmitry Medvedchuk"), ("Yulia Navalnaya", "Yuri Navalnaya"),
    ])
    func apart(_ one: String, _ other: String) {
        #expect(RomanizedNameVariants.foldedName(one) != RomanizedNameVariants.foldedName(other))
    }

    @Test("names with no Cyrillic romanisation come back as written", arguments: [
        "Wang Yi", "Zhang Xinyi", "Hiroshi Fujii", "Jan Kowalski", "Mary", "Kennedy", "Ann Marie Lee", "O'Brien",
        "Abdullah", "Volodymyr Zelensky", "Sergei", "", "Ивано Петров",
    ])
    func unchanged(_ name: String) {
        #expect(RomanizedNameVariants.foldedName(name) == name)
    }

    @Test("folding is idempotent")
    func idempotent() {
        for name in ["Volodymyr Zelenskyy", "Dmitriy Peskov", "Aleksei Navalnyy", "Valeriy Zaluzhnyi", "Wang Yi"] {
            let once = RomanizedNameVariants.foldedName(name)
            #expect(RomanizedNameVariants.foldedName(once) == once)
        }
    }

    @Test func everyGivenNameVariantHasOneCanonicalForm() {
        var owner: [String: String] = [:]
        for group in RomanizedNameVariants.givenNameGroups {
            for spelling in [group.canonical] + group.variants {
                #expect(owner[spelling.lowercased()] == nil, "\(spelling)")
                owner[spelling.lowercased()] = group.canonical
            }
        }
    }
}
