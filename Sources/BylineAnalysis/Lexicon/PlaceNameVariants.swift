import Foundation

/// One place written differently by different outlets: a transliteration (Kiev/Kyiv), an
/// older name for the same place (Bombay/Mumbai), or an endonym an English text may keep
/// (München/Munich). The store gives all spellings of a place one identity; the analysis
/// of an article still says the name that article used.
///
/// From general knowledge, never from a particular article. The canonical form is the
/// modern or official English name, except where the analyzer's own country lexicon
/// (`Places.countryVariants`) already folds the pair the other way (Türkiye → Turkey,
/// Czechia → Czech Republic): there the analyzer's choice wins, so the two lexicons never
/// disagree about which spelling an entity goes by.
///
/// Left out on purpose, because the old or foreign name still names another place too:
/// Macedonia (the Greek region), Canton (cities in Ohio and elsewhere), Dnipropetrovsk and
/// Kirovohrad (oblasts that kept the names their cities dropped), Leningrad and Sverdlovsk
/// (likewise), Moldavia (a Romanian region), Zaire (an Angolan province), Salisbury
/// (England), Smyrna and Medina (American towns), Gaza (the city or the strip), Holland
/// (a region; the analyzer already reads it as the Netherlands), and names a football club
/// goes by alone (Roma, Napoli, Torino), as well as Moskva (also a warship).
/// Odessa stays in although Texas has one: in news the Ukrainian city dominates.
public enum PlaceNameVariants {
    /// Canonical name → the other spellings of the same place. Case, accents, apostrophes
    /// and hyphens are ignored when matching (`key`), so "Cote d'Ivoire" needs no line.
    static let groups: SpellingGroups = [
        // Ukraine: Russian-era transliterations → the Ukrainian-based official ones.
        ("Kyiv", ["Kiev"]),
        ("Kharkiv", ["Kharkov"]),
        ("Odesa", ["Odessa"]),
        ("Lviv", ["Lvov"]),
        ("Mykolaiv", ["Nikolaev", "Nikolayev", "Mykolayiv"]),
        ("Zaporizhzhia", ["Zaporozhye", "Zaporozhie", "Zaporizhia", "Zaporizhzhya"]),
        ("Luhansk", ["Lugansk"]),
        ("Chernihiv", ["Chernigov"]),
        ("Zhytomyr", ["Zhitomir"]),
        ("Rivne", ["Rovno"]),
        ("Vinnytsia", ["Vinnitsa", "Vinnytsya"]),
        ("Ivano-Frankivsk", ["Ivano-Frankovsk"]),
        ("Uzhhorod", ["Uzhgorod"]),
        ("Ternopil", ["Ternopol"]),
        ("Cherkasy", ["Cherkassy"]),
        ("Chornobyl", ["Chernobyl"]),
        ("Sievierodonetsk", ["Severodonetsk", "Syevyerodonetsk"]),
        ("Lysychansk", ["Lisichansk"]),
        ("Sloviansk", ["Slavyansk", "Slovyansk"]),
        ("Avdiivka", ["Avdeyevka", "Avdiyivka"]),
        ("Bakhmut", ["Artemivsk", "Artyomovsk"]),
        ("Horlivka", ["Gorlovka"]),
        ("Makiivka", ["Makeyevka"]),
        ("Kryvyi Rih", ["Krivoy Rog", "Kryvyy Rih"]),
        ("Berdiansk", ["Berdyansk"]),
        ("Kupiansk", ["Kupyansk"]),
        ("Izium", ["Izyum"]),
        ("Vuhledar", ["Ugledar"]),
        ("Enerhodar", ["Energodar"]),
        ("Kremenchuk", ["Kremenchug"]),
        ("Dzhankoi", ["Dzhankoy"]),
        ("Feodosia", ["Feodosiya"]),
        ("Yevpatoria", ["Evpatoria", "Yevpatoriya"]),

        // Russia and the rest of the former Soviet Union.
        ("Yekaterinburg", ["Ekaterinburg"]),
        ("Nizhny Novgorod", ["Nizhni Novgorod", "Nizhniy Novgorod"]),
        ("Rostov-on-Don", ["Rostov-na-Donu"]),
        ("Arkhangelsk", ["Archangel"]),
        ("Volgograd", ["Stalingrad"]),
        ("Kaliningrad", ["Königsberg", "Koenigsberg"]),
        ("Tbilisi", ["Tiflis"]),
        ("Yerevan", ["Erevan"]),
        ("Almaty", ["Alma-Ata"]),
        ("Astana", ["Nur-Sultan"]),
        ("Bishkek", ["Frunze"]),
        ("Ashgabat", ["Ashkhabad", "Ashgabad"]),
        ("Chisinau", ["Kishinev", "Kishinyov"]),
        ("Belarus", ["Byelorussia", "Belorussia", "Bielorussia"]),
        ("Kyrgyzstan", ["Kirghizia", "Kirgizia"]),
        ("Vilnius", ["Vilna"]),

        // South and Southeast Asia.
        ("Mumbai", ["Bombay"]),
        ("Kolkata", ["Calcutta"]),
        ("Chennai", ["Madras"]),
        ("Bengaluru", ["Bangalore"]),
        ("Pune", ["Poona"]),
        ("Varanasi", ["Benares", "Banaras"]),
        ("Gurugram", ["Gurgaon"]),
        ("Kanpur", ["Cawnpore"]),
        ("Shimla", ["Simla"]),
        ("Vadodara", ["Baroda"]),
        ("Thiruvananthapuram", ["Trivandrum"]),
        ("Puducherry", ["Pondicherry"]),
        ("Odisha", ["Orissa"]),
        ("Prayagraj", ["Allahabad"]),
        ("Kochi", ["Cochin"]),
        ("Mysuru", ["Mysore"]),
        ("Dhaka", ["Dacca"]),
        ("Kathmandu", ["Katmandu"]),
        ("Sri Lanka", ["Ceylon"]),
        ("Myanmar", ["Burma"]),
        ("Yangon", ["Rangoon"]),
        ("Naypyidaw", ["Naypyitaw", "Nay Pyi Taw"]),
        ("Thailand", ["Siam"]),
        ("Cambodia", ["Kampuchea"]),
        ("Ho Chi Minh City", ["Saigon"]),
        ("Timor-Leste", ["East Timor"]),

        // East Asia: Wade-Giles and postal spellings → pinyin.
        ("Beijing", ["Peking"]),
        ("Nanjing", ["Nanking"]),
        ("Tianjin", ["Tientsin"]),
        ("Chongqing", ["Chungking"]),
        ("Xiamen", ["Amoy"]),
        ("Qingdao", ["Tsingtao"]),
        ("Xinjiang", ["Sinkiang"]),
        ("Sichuan", ["Szechuan", "Szechwan"]),
        ("Shenyang", ["Mukden"]),
        ("Ulaanbaatar", ["Ulan Bator"]),

        // Middle East.
        ("Istanbul", ["Constantinople"]),
        ("Turkey", ["Türkiye"]),
        ("Tehran", ["Teheran"]),
        ("Sanaa", ["Sana'a"]),
        ("Jeddah", ["Jiddah", "Jedda"]),
        ("Hodeidah", ["Hudaydah", "Al Hudaydah", "Hodeida"]),
        ("Makkah", ["Mecca"]),

        // Africa.
        ("Côte d'Ivoire", ["Ivory Coast"]),
        ("Eswatini", ["Swaziland"]),
        ("Burkina Faso", ["Upper Volta"]),
        ("Benin", ["Dahomey"]),
        ("Zimbabwe", ["Rhodesia", "Southern Rhodesia"]),
        ("Kinshasa", ["Leopoldville"]),
        ("Cabo Verde", ["Cape Verde"]),

        // Europe: renamed states, and local names an English text sometimes keeps.
        ("Czech Republic", ["Czechia"]),
        ("North Macedonia", ["FYROM", "Former Yugoslav Republic of Macedonia"]),
        ("Gdansk", ["Danzig"]),
        ("Wroclaw", ["Breslau"]),
        ("Krakow", ["Cracow"]),
        ("Warsaw", ["Warszawa"]),
        ("Prague", ["Praha"]),
        ("Vienna", ["Wien"]),
        ("Munich", ["München", "Muenchen"]),
        ("Cologne", ["Köln", "Koeln"]),
        ("Nuremberg", ["Nürnberg", "Nuernberg"]),
        ("Hanover", ["Hannover"]),
        ("Basel", ["Basle"]),
        ("Geneva", ["Genève"]),
        ("Brussels", ["Bruxelles", "Brussel"]),
        ("Antwerp", ["Antwerpen"]),
        ("Bruges", ["Brugge"]),
        ("Ghent", ["Gent"]),
        ("The Hague", ["Den Haag", "'s-Gravenhage"]),
        ("Copenhagen", ["København"]),
        ("Gothenburg", ["Göteborg"]),
        ("Lisbon", ["Lisboa"]),
        ("Seville", ["Sevilla"]),
        ("Milan", ["Milano"]),
        ("Florence", ["Firenze"]),
        ("Venice", ["Venezia"]),
        ("Genoa", ["Genova"]),
        ("Bucharest", ["București"]),
        ("Belgrade", ["Beograd"]),

        // The Americas.
        ("Mexico City", ["Ciudad de México"]),
    ]

    /// `key` of every spelling, the canonical one included → the canonical name.
    static let canonicalByKey = groups.canonicalTable(key: key)

    /// The canonical name of the place written `name`, or nil for a name the table does not
    /// know. A dictionary lookup: resolution runs for every entity of every ingested article.
    public static func canonicalName(of name: String) -> String? {
        canonicalByKey[key(name)]
    }

    /// Whether `name` is the canonical spelling of a place the table knows, up to what `key`
    /// ignores.
    public static func isCanonicalSpelling(_ name: String) -> Bool {
        canonicalKeys.contains(key(name))
    }

    static let canonicalKeys = Set(groups.map { key($0.canonical) })

    /// What two spellings share when they differ only in case, accents, apostrophes,
    /// hyphens or spacing ("Cote d’Ivoire", "Côte d'Ivoire"), or a leading "the".
    static func key(_ name: String) -> String {
        var key = ""
        var pendingSpace = false
        // Compatibility decomposition splits accents (and ligatures) off their letters; most
        // names are ASCII and need none.
        let decomposed = name.utf8.allSatisfy { $0 < 0x80 } ? name : name.decomposedStringWithCompatibilityMapping
        for scalar in decomposed.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                pendingSpace = true
                continue
            }
            if pendingSpace && !key.isEmpty { key.append(" ") }
            pendingSpace = false
            key.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return key.hasPrefix("the ") ? String(key.dropFirst(4)) : key
    }
}
