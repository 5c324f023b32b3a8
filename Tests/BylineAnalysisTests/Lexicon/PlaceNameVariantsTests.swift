import Testing
@testable import BylineAnalysis

@Suite("Place name variants")
struct PlaceNameVariantsTests {
    @Test("each spelling of a place gives its canonical name", arguments: [
        ("Kiev", "Kyiv"), ("Kyiv", "Kyiv"), ("KIEV", "Kyiv"), ("Kharkov", "Kharkiv"), ("Odessa", "Odesa"),
        ("Zaporozhye", "Zaporizhzhia"), ("Lugansk", "Luhansk"), ("Bombay", "Mumbai"), ("Peking", "Beijing"),
        ("Burma", "Myanmar"), ("Rangoon", "Yangon"), ("Swaziland", "Eswatini"), ("Tiflis", "Tbilisi"),
        ("Alma-Ata", "Almaty"), ("Alma Ata", "Almaty"), ("Saigon", "Ho Chi Minh City"),
        ("Ivory Coast", "Côte d'Ivoire"), ("Cote d’Ivoire", "Côte d'Ivoire"), ("the Ivory Coast", "Côte d'Ivoire"),
        ("Türkiye", "Turkey"), ("Turkiye", "Turkey"), ("Czechia", "Czech Republic"), ("Byelorussia", "Belarus"),
        ("Den Haag", "The Hague"), ("Munchen", "Munich"),
    ])
    func canonical(_ spelling: String, _ canonical: String) {
        #expect(PlaceNameVariants.canonicalName(of: spelling) == canonical)
    }

    @Test("names the table leaves alone", arguments: [
        "Paris", "Springfield", "Macedonia", "Canton", "Gaza", "Dnipropetrovsk", "Moldavia", "Kie", "Kievan Rus", "",
    ])
    func unknown(_ name: String) {
        #expect(PlaceNameVariants.canonicalName(of: name) == nil)
    }

    @Test func canonicalSpellingIsRecognisedUpToCaseAndAccents() {
        #expect(PlaceNameVariants.isCanonicalSpelling("Kyiv"))
        #expect(PlaceNameVariants.isCanonicalSpelling("Cote d'Ivoire"))
        #expect(!PlaceNameVariants.isCanonicalSpelling("Kiev"))
        #expect(!PlaceNameVariants.isCanonicalSpelling("Paris"))
    }

    @Test func noSpellingBelongsToTwoPlaces() {
        var owner: [String: String] = [:]
        for group in PlaceNameVariants.groups {
            for spelling in [group.canonical] + group.variants {
                let key = PlaceNameVariants.key(spelling)
                #expect(owner[key] == nil, "\(spelling) is in \(owner[key] ?? "") and \(group.canonical)")
                owner[key] = group.canonical
            }
        }
    }

    @Test("canonical names are fixed points, so folding twice changes nothing")
    func canonicalIsItsOwnCanonical() {
        for group in PlaceNameVariants.groups {
            #expect(PlaceNameVariants.canonicalName(of: group.canonical) == group.canonical)
        }
    }

    @Test("where the analyzer's country lexicon folds one spelling into another, the table agrees")
    func agreesWithTheAnalyzersCountryNames() {
        for (spelling, country) in Places.countryVariants where spelling != country {
            guard let canonical = PlaceNameVariants.canonicalName(of: spelling) else { continue }
            #expect(canonical == country, "\(spelling)")
        }
    }
}
