/// Place names from general knowledge: short forms of countries that ISO 3166 spells
/// formally, continents and world regions, and major world cities (capitals first).
/// Nothing here exists because of a particular article.
enum Places {
    /// Common short forms and abbreviations → the canonical country name.
    static let countryVariants: [String: String] = [
        "Russia": "Russia", "Russian Federation": "Russia",
        "U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
        "America": "United States", "United States of America": "United States",
        "United States": "United States",
        "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
        "Great Britain": "United Kingdom", "United Kingdom": "United Kingdom",
        "England": "England", "Scotland": "Scotland", "Wales": "Wales", "Northern Ireland": "Northern Ireland",
        "South Korea": "South Korea", "North Korea": "North Korea",
        "UAE": "United Arab Emirates", "Holland": "Netherlands", "Netherlands": "Netherlands",
        "the Netherlands": "Netherlands", "Czech Republic": "Czech Republic", "Czechia": "Czech Republic",
        "Ivory Coast": "Ivory Coast", "Vatican": "Vatican City", "Palestine": "Palestine",
        "Turkey": "Turkey", "Türkiye": "Turkey", "Iran": "Iran", "Syria": "Syria", "Vietnam": "Vietnam",
        "Laos": "Laos", "Moldova": "Moldova", "Tanzania": "Tanzania", "Venezuela": "Venezuela",
        "Bolivia": "Bolivia", "Kosovo": "Kosovo", "Taiwan": "Taiwan", "Congo": "Congo",
    ]

    /// Continents, world regions and other areas that are not countries.
    static let regions: Set<String> = [
        "Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Antarctica",
        "Oceania", "Middle East", "Near East", "Far East", "Central Asia", "South Asia", "Southeast Asia",
        "East Asia", "Eastern Europe", "Western Europe", "Central Europe", "Balkans", "Caucasus",
        "Scandinavia", "Caribbean", "Mediterranean", "Gulf", "Persian Gulf", "Arctic", "Pacific",
        "Atlantic", "Indian Ocean", "West Bank", "Gaza", "Gaza Strip", "Golan Heights", "Sinai",
        "Crimea", "Donbas", "Kashmir", "Siberia", "Midwest", "Silicon Valley", "Sub-Saharan Africa",
        "Horn of Africa", "Sahel", "Red Sea", "Black Sea", "Baltic", "Baltic Sea", "South China Sea",
        "Hong Kong", "Macau", "Puerto Rico", "Greenland", "Punjab", "Bavaria", "Catalonia", "Quebec",
        "Ontario", "Kurdistan", "Tibet", "Xinjiang", "Earth", "Moon", "Mars", "Jupiter", "Venus",
        "Mercury", "Saturn", "the West",
    ]

    /// Major cities of the world and of the United States.
    static let cities: Set<String> = [
        "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Amsterdam", "Ankara", "Athens",
        "Baghdad", "Baku", "Bangkok", "Beijing", "Beirut", "Belgrade", "Berlin", "Bern", "Bogota", "Brasilia",
        "Bratislava", "Brussels", "Bucharest", "Budapest", "Buenos Aires", "Cairo", "Canberra", "Caracas",
        "Copenhagen", "Damascus", "Dhaka", "Doha", "Dublin", "Hanoi", "Havana", "Helsinki", "Islamabad",
        "Jakarta", "Jerusalem", "Kabul", "Kampala", "Kathmandu", "Khartoum", "Kiev", "Kyiv", "Kinshasa",
        "Kuala Lumpur", "Lagos", "Lima", "Lisbon", "Ljubljana", "London", "Luanda", "Madrid", "Manila",
        "Mexico City", "Minsk", "Mogadishu", "Moscow", "Muscat", "Nairobi", "New Delhi", "Delhi", "Nicosia",
        "Oslo", "Ottawa", "Paris", "Prague", "Pyongyang", "Rabat", "Riga", "Riyadh", "Rome", "Santiago",
        "Sarajevo", "Seoul", "Singapore", "Sofia", "Stockholm", "Taipei", "Tallinn", "Tashkent", "Tbilisi",
        "Tehran", "Tel Aviv", "Tokyo", "Tripoli", "Tunis", "Ulaanbaatar", "Vienna", "Vilnius", "Warsaw",
        "Wellington", "Yerevan", "Zagreb", "Astana", "Sanaa", "Istanbul", "Dubai", "Mumbai", "Kolkata",
        "Chennai", "Bangalore", "Bengaluru", "Hyderabad", "Karachi", "Lahore", "Shanghai", "Hong Kong",
        "Guangzhou", "Shenzhen", "Osaka", "Sydney", "Melbourne", "Brisbane", "Perth", "Auckland", "Toronto",
        "Montreal", "Vancouver", "Calgary", "Sao Paulo", "Rio de Janeiro", "Barcelona", "Milan", "Naples",
        "Munich", "Hamburg", "Frankfurt", "Cologne", "Manchester", "Liverpool", "Birmingham", "Glasgow",
        "Edinburgh", "Belfast", "Marseille", "Lyon", "Geneva", "Zurich", "St. Petersburg", "Saint Petersburg",
        "Odessa", "Odesa", "Kharkiv", "Aleppo", "Mosul", "Basra", "Jeddah", "Mecca", "Medina", "Alexandria",
        "Casablanca", "Johannesburg", "Cape Town", "Durban", "Gaza City", "Ramallah", "Hebron", "Haifa",
        "Amritsar", "Kandahar", "Herat", "Minsk", "Valencia", "Seville", "Porto", "Krakow", "Gdansk",
        "Washington", "New York", "New York City", "Los Angeles", "Chicago", "Houston", "Phoenix",
        "Philadelphia", "San Antonio", "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville",
        "Fort Worth", "Columbus", "Charlotte", "San Francisco", "Indianapolis", "Seattle", "Denver",
        "Boston", "El Paso", "Nashville", "Detroit", "Oklahoma City", "Portland", "Las Vegas", "Memphis",
        "Louisville", "Baltimore", "Milwaukee", "Albuquerque", "Tucson", "Fresno", "Sacramento",
        "Kansas City", "Atlanta", "Miami", "Raleigh", "Omaha", "Minneapolis", "Tulsa", "Cleveland",
        "Wichita", "Arlington", "New Orleans", "Tampa", "Honolulu", "Anaheim", "Aurora", "St. Louis",
        "Pittsburgh", "Cincinnati", "Anchorage", "Plano", "Orlando", "Buffalo", "Newark", "Brooklyn",
        "Manhattan", "Queens", "Bronx", "Staten Island", "Palm Beach", "Irving", "Oakland",
        "Salt Lake City", "Richmond", "Hartford", "Providence", "Madison", "Boise", "Des Moines",
        "Little Rock", "Baton Rouge", "Birmingham", "Charleston", "Savannah", "Annapolis", "Trenton",
        "Albany", "Harrisburg", "Tallahassee", "Montgomery", "Jackson", "Frankfort", "Lansing", "Springfield",
        "Cape Canaveral", "Hollywood", "Beverly Hills", "Long Beach", "Jersey City", "Scottsdale", "Mesa",
        "Galveston", "Corpus Christi", "Lubbock", "Waco", "Laredo", "Denton", "Frisco", "McKinney", "Garland",
        "Mesquite", "Grand Prairie", "Carrollton", "Richardson", "Lewisville",
    ]

    /// National capitals: their names also stand for governments ("Tehran said").
    static let capitals: Set<String> = [
        "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Ankara", "Athens", "Baghdad",
        "Baku", "Bangkok", "Beijing", "Beirut", "Belgrade", "Berlin", "Bern", "Bogota", "Brasilia", "Brussels",
        "Bucharest", "Budapest", "Buenos Aires", "Cairo", "Canberra", "Caracas", "Damascus", "Dhaka", "Doha",
        "Hanoi", "Havana", "Islamabad", "Jakarta", "Jerusalem", "Kabul", "Khartoum", "Kiev", "Kyiv",
        "Kinshasa", "London", "Madrid", "Manila", "Minsk", "Moscow", "Muscat", "Nairobi", "New Delhi",
        "Ottawa", "Paris", "Pyongyang", "Riyadh", "Rome", "Seoul", "Taipei", "Tehran", "Tel Aviv", "Tokyo",
        "Tripoli", "Warsaw", "Washington", "Yerevan", "Tbilisi", "Sanaa", "Ramallah", "Brussels",
    ]

    /// Capitals and seats of government whose names also stand for a government as an actor.
    static let seatsOfGovernment: Set<String> = [
        "Kremlin", "White House", "Downing Street", "Pentagon", "Elysee", "Élysée", "Elysee Palace",
        "Whitehall", "Capitol Hill", "Quai d'Orsay", "Zhongnanhai", "Blue House", "Foggy Bottom",
    ]

    /// Canonical name of a country written `name`, or nil.
    static func country(_ name: String) -> String? {
        if let canonical = countryVariants[name] { return canonical }
        if let canonical = GeneratedGazetteer.countries[name] { return canonical }
        return nil
    }

    static func isLocation(_ name: String) -> Bool {
        country(name) != nil || regions.contains(name) || cities.contains(name)
            || GeneratedGazetteer.usStates[name] != nil || GeneratedGazetteer.subdivisions.contains(name)
    }

    /// State abbreviations used in datelines and party labels ("R-Neb.", "Calif.").
    static let stateAbbreviations: [String: String] = [
        "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
        "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia",
        "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
        "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
        "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
        "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
        "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
        "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
        "Tenn.": "Tennessee", "Texas": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
        "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
    ]
}
