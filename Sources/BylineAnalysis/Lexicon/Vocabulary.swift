/// General English word lists the quote and entity stages rely on: reporting verbs, titles
/// and roles, organisation words, demonyms, and capitalised words that are not names.
/// All from general knowledge of English news writing; nothing here is about one article.
enum Vocabulary {
    /// Reporting verbs (all inflections listed) that introduce or tag a quotation.
    static let reportingVerbs: Set<String> = {
        let stems = [
            "say", "said", "says", "saying", "tell", "told", "tells", "telling", "write", "wrote", "writes",
            "writing", "written", "add", "added", "adds", "adding", "note", "noted", "notes", "noting",
            "state", "stated", "states", "stating", "explain", "explained", "explains", "explaining",
            "insist", "insisted", "insists", "insisting", "argue", "argued", "argues", "arguing",
            "warn", "warned", "warns", "warning", "declare", "declared", "declares", "declaring",
            "announce", "announced", "announces", "announcing", "claim", "claimed", "claims", "claiming",
            "describe", "described", "describes", "describing", "call", "called", "calls", "calling",
            "recall", "recalled", "recalls", "recalling", "urge", "urged", "urges", "urging",
            "pledge", "pledged", "pledges", "pledging", "promise", "promised", "promises", "promising",
            "vow", "vowed", "vows", "vowing", "ask", "asked", "asks", "asking", "reply", "replied",
            "replies", "replying", "respond", "responded", "responds", "responding", "answer", "answered",
            "tweet", "tweeted", "tweets", "tweeting", "post", "posted", "posts", "posting",
            "acknowledge", "acknowledged", "acknowledges", "acknowledging", "admit", "admitted", "admits",
            "admitting", "allege", "alleged", "alleges", "alleging", "testify", "testified", "testifies",
            "testifying", "shout", "shouted", "shouts", "shouting", "scream", "screamed", "yell", "yelled",
            "cry", "cried", "whisper", "whispered", "joke", "joked", "jokes", "joking", "quip", "quipped",
            "continue", "continued", "continues", "order", "ordered", "orders", "comment", "commented",
            "remark", "remarked", "suggest", "suggested", "suggests", "suggesting", "stress", "stressed",
            "stresses", "stressing", "emphasise", "emphasised", "emphasize", "emphasized", "concede",
            "conceded", "contend", "contended", "maintain", "maintained", "maintains", "observe",
            "observed", "predict", "predicted", "predicts", "report", "reported", "reports", "reporting",
            "complain", "complained", "complains", "condemn", "condemned", "condemns", "condemning",
            "criticise", "criticised", "criticize", "criticized", "praise", "praised", "hail", "hailed",
            "welcome", "welcomed", "deny", "denied", "denies", "denying", "confirm", "confirmed", "confirms",
            "confirming", "demand", "demanded", "demands", "demanding", "accuse", "accused", "accuses",
            "accusing", "label", "labelled", "labeled", "dub", "dubbed", "brand", "branded", "term", "termed",
            "cheer", "cheered", "boast", "boasted", "hope", "hoped", "hopes", "expect", "expected", "expects",
            "believe", "believed", "believes", "think", "thought", "thinks", "feel", "felt", "feels",
            "recount", "recounted", "reiterate", "reiterated", "reiterates", "point", "pointed",
            "told", "announce", "express", "expressed", "expresses", "add", "conclude", "concluded",
            "mention", "mentioned", "mentions", "indicate", "indicated", "indicates", "assert", "asserted",
            "asserts", "signal", "signaled", "signalled", "reckon", "reckoned", "read", "reads",
            "shouts", "announces", "reaffirm", "reaffirmed", "reaffirms", "reaffirming", "regret", "regrets", "regretted", "view", "viewed", "views",
            "consider", "considered", "considers", "see", "saw", "sees", "find", "found", "finds",
        ]
        return Set(stems)
    }()

    /// Verbs that only tag speech (used after a quotation: `"…," X said`).
    static let speechTags: Set<String> = [
        "said", "says", "told", "tells", "wrote", "writes", "added", "adds", "asked", "asks", "replied",
        "explained", "noted", "continued", "insisted", "argued", "warned", "declared", "announced",
        "tweeted", "posted", "stated", "shouted", "shouts", "yelled", "screamed", "joked", "quipped",
        "recalled", "cried", "ordered", "orders", "announced", "concluded", "stressed", "responded",
        "acknowledged", "admitted", "conceded", "observed", "remarked", "commented", "whispered",
        "testified", "claimed", "predicted", "confirmed", "urged", "emphasised", "emphasized",
        "reiterated", "saying", "adding", "writing", "telling",
    ]

    /// Adverbs that may stand between a speaker and the verb ("Thomas allegedly told").
    static let adverbs: Set<String> = [
        "also", "later", "then", "allegedly", "reportedly", "previously", "earlier", "again", "further",
        "however", "jokingly", "quietly", "simply", "recently", "once", "repeatedly", "separately",
        "publicly", "privately", "bluntly", "flatly", "angrily", "firmly", "told", "had", "has", "have",
        "would", "will", "could", "has", "once", "last", "even", "still", "just", "only", "already",
        "subsequently", "initially", "himself", "herself", "itself", "directly", "openly",
    ]

    /// Pronouns that may stand for a speaker.
    static let personPronouns: Set<String> = ["he", "she"]
    static let thingPronouns: Set<String> = ["it"]

    /// Unnamed sources: a quotation attributed to these has no named speaker.
    static let anonymousSources: Set<String> = [
        "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
        "aide", "aides", "people", "person", "diplomat", "diplomats", "analyst", "analysts", "expert",
        "experts", "witness", "witnesses", "resident", "residents", "officer", "officers", "police",
        "prosecutor", "prosecutors", "investigators", "authorities", "critics", "supporters", "observers",
        "insiders", "someone", "they", "we", "i", "you", "mother", "father", "sister", "brother", "family",
        "relatives", "judge", "neighbour", "neighbor", "neighbors", "neighbours", "lawyer", "lawyers",
        "attorneys", "attorney", "doctors", "doctor", "employees", "staff", "staffers", "students",
        "protesters", "demonstrators", "voters", "fans", "court", "media", "one",
        "members", "member", "leaders", "executives", "administration", "government", "department",
    ]

    /// Titles and role words that may stand before a name ("President", "Foreign Minister",
    /// "Sen.") — they are roles, never part of the name.
    static let titles: Set<String> = [
        "President", "Vice", "Prime", "Minister", "Secretary", "Foreign", "Defense", "Defence", "Interior",
        "Finance", "Justice", "Chancellor", "King", "Queen", "Prince", "Princess", "Emperor", "Pope",
        "Sheikh", "Sultan", "Emir", "Ayatollah", "Supreme", "Leader", "Premier", "Governor", "Gov.",
        "Senator", "Sen.", "Rep.", "Representative", "Congressman", "Congresswoman", "Mayor", "Speaker",
        "Judge", "Justice", "Chief", "General", "Gen.", "Lt.", "Col.", "Colonel", "Major", "Maj.",
        "Captain", "Capt.", "Admiral", "Adm.", "Commander", "Sgt.", "Sergeant", "Officer", "Detective",
        "Inspector", "Constable", "Lord", "Lady", "Sir", "Dame", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs",
        "Ms.", "Ms", "Miss", "Prof.", "Professor", "Rev.", "Reverend", "Father", "Bishop", "Archbishop",
        "Cardinal", "Rabbi", "Imam", "Attorney", "District", "Ambassador", "Envoy", "Special",
        "Deputy", "Assistant", "Associate", "Acting", "Executive", "Director", "Chairman", "Chairwoman",
        "Chair", "CEO", "CFO", "COO", "CTO", "Founder", "Co-founder", "Spokesman", "Spokeswoman",
        "Spokesperson", "Press", "Coach", "Head", "Manager", "Editor", "Editor-in-Chief", "Analyst",
        "Commissioner", "Administrator", "Superintendent", "Sheriff", "Councillor", "Councilman",
        "Councilwoman", "Alderman", "Lieutenant", "Private", "Corporal", "Trooper", "Agent", "Officer",
        "State", "Homeland", "Security", "Health", "Economy", "Energy", "Trade", "Commerce", "Labor",
        "Education", "Transportation", "Treasury", "National", "Advisor", "Adviser", "Former", "Late",
        "Crown", "First", "Senior", "Junior", "Top", "Opposition", "Labour", "Conservative",
        "Republican", "Democratic", "Democrat", "Sens.", "Reps.", "Quarterback", "Forward", "Defender",
        "Goalkeeper", "Striker", "Midfielder", "Pitcher", "Center", "Guard", "Linebacker", "Tackle",
        "Receiver", "Insider", "Reporter", "DL", "QB", "WR", "RB", "TE", "LB", "CB", "OL", "DE", "DT", "OT", "OG", "FS", "SS", "GM", "RHP", "LHP", "SS", "PG", "SG", "SF", "PF", "C", "Correspondent", "Columnist", "Presidential", "Staff",
    ]

    /// Lower-case role nouns ("aide", "adviser", "spokesperson") that make a role phrase
    /// before a name ("Kremlin aide Yuri Ushakov").
    static let roleNouns: Set<String> = [
        "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
        "secretary", "chief", "head", "leader", "director", "executive", "officer", "official", "envoy",
        "ambassador", "negotiator", "coach", "manager", "captain", "player", "striker", "quarterback",
        "analyst", "economist", "strategist", "researcher", "scientist", "professor", "lawyer", "attorney",
        "editor", "reporter", "correspondent", "columnist", "founder", "co-founder", "chairman",
        "chairwoman", "chair", "ceo", "commander", "general", "governor", "senator", "mayor", "judge",
        "prosecutor", "investigator", "administrator", "insider", "teammate", "defender", "forward",
        "guard", "center", "linebacker", "receiver", "lineman", "pitcher", "star", "champion", "veteran",
        "rookie", "psychologist", "expert", "historian", "activist", "candidate", "rival", "premier",
        "counterpart", "deputy", "assistant", "associate", "vice", "senior", "fellow", "partner",
        "specialist", "consultant", "designer", "engineer", "astronaut", "pilot", "physician", "doctor",
    ]

    /// Demonyms and nationality adjectives (they qualify roles; they are not entities).
    static let demonyms: Set<String> = [
        "American", "Russian", "Iranian", "Israeli", "Palestinian", "Ukrainian", "British", "English",
        "Scottish", "Welsh", "Irish", "French", "German", "Italian", "Spanish", "Portuguese", "Dutch",
        "Belgian", "Swiss", "Austrian", "Swedish", "Norwegian", "Danish", "Finnish", "Polish", "Czech",
        "Slovak", "Hungarian", "Romanian", "Bulgarian", "Greek", "Turkish", "Serbian", "Croatian",
        "Bosnian", "Albanian", "Georgian", "Armenian", "Azerbaijani", "Kazakh", "Uzbek", "Chinese",
        "Japanese", "Korean", "Vietnamese", "Thai", "Indonesian", "Malaysian", "Filipino", "Indian",
        "Pakistani", "Afghan", "Bangladeshi", "Sri Lankan", "Nepali", "Iraqi", "Syrian", "Lebanese",
        "Jordanian", "Saudi", "Emirati", "Qatari", "Omani", "Yemeni", "Kuwaiti", "Bahraini", "Egyptian",
        "Libyan", "Tunisian", "Algerian", "Moroccan", "Sudanese", "Ethiopian", "Kenyan", "Nigerian",
        "Ghanaian", "South African", "Australian", "Canadian", "Mexican", "Brazilian", "Argentine",
        "Argentinian", "Chilean", "Colombian", "Peruvian", "Venezuelan", "Cuban", "European", "Asian",
        "African", "Arab", "Jewish", "Muslim", "Christian", "Catholic", "Western", "Eastern", "Soviet",
        "Belarusian", "Estonian", "Latvian", "Lithuanian", "Slovenian", "Kurdish", "Persian", "Taiwanese",
        "Singaporean", "New Zealand", "Kiwi", "Icelandic", "Luxembourgish", "Maltese", "Cypriot",
    ]

    /// Words that mark a capitalised sequence as an organisation when they end it
    /// ("… Agency") or open it ("Ministry of …", "University of …").
    static let organizationHeads: Set<String> = [
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co.", "Company", "Ltd", "Ltd.", "LLC", "PLC", "plc",
        "Group", "Holdings", "Ministry", "Agency", "University", "College", "School", "Council",
        "Commission", "Committee", "Authority", "Office", "Department", "Bureau", "Administration",
        "Association", "Federation", "Union", "League", "Party", "Court", "Police", "Service", "Services",
        "Institute", "Foundation", "Organization", "Organisation", "Society", "Bank", "Fund", "Board",
        "Congress", "Parliament", "Senate", "Assembly", "Army", "Navy", "Force", "Forces", "Guard",
        "Corps", "Coalition", "Alliance", "Network", "Systems", "Technologies", "Aerospace", "Airlines",
        "Airways", "Motors", "Robotics", "Machines", "Industries", "Partners", "Capital", "Media",
        "News", "Times", "Post", "Journal", "Tribune", "Herald", "Gazette", "Daily", "Press", "Radio",
        "Television", "TV", "Channel", "Forum", "Center", "Centre", "Directorate", "Secretariat",
        "Prosecution", "Reserve", "Exchange", "Club", "FC", "Team", "Church",
        "Hospital", "Institution", "Cabinet", "Government", "Embassy", "Consulate", "Mission",
        "Tribunal", "Magistrates", "Crescent", "Cross", "Brigade", "Brigades", "Movement", "Front",
        "Labs", "Laboratory", "Laboratories", "Energy", "Pharmaceuticals", "Motor", "Studios",
        "Entertainment", "Communications", "Solutions", "Software", "Security", "Intelligence",
    ]

    /// Well-known organisations whose names carry no organisation word (news agencies,
    /// international bodies, large companies and platforms).
    static let knownOrganizations: Set<String> = [
        "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "BBC", "CNN",
        "CBS", "NBC", "ABC", "Fox News", "MSNBC", "NPR", "PBS", "Al Jazeera", "Sky News", "Interfax",
        "TASS", "RIA", "RIA Novosti", "Xinhua", "Kyodo", "Yonhap", "IRNA", "Tasnim", "ISNA", "PTI",
        "ANI", "The Guardian", "The Telegraph", "The Independent", "The Economist", "Politico", "Axios",
        "Twitter", "X", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram", "WhatsApp", "Truth Social",
        "Google", "Apple", "Amazon", "Microsoft", "Meta", "Tesla", "SpaceX", "Netflix", "Uber", "Boeing",
        "Airbus", "NASA", "ESA", "FBI", "CIA", "NSA", "NATO", "UN", "EU", "OPEC", "IAEA", "WHO", "IMF",
        "WTO", "UNESCO", "UNICEF", "Interpol", "Europol", "Hamas", "Hezbollah", "Taliban", "Kremlin",
        "White House", "Pentagon", "Congress", "Senate", "Wall Street", "Wikileaks", "WikiLeaks",
        "United Nations", "European Union", "Red Cross", "Amnesty International", "Human Rights Watch",
        "Greenpeace", "Ford", "General Motors", "Toyota", "Walmart", "Target", "Starbucks", "WeWork",
        "SoftBank", "Alibaba", "Huawei", "Samsung", "Sony", "Nike", "Shell", "BP", "Exxon", "Chevron",
        "Gazprom", "Rosneft", "Aramco", "Pfizer", "Moderna", "Goldman Sachs", "JPMorgan", "Morgan Stanley",
        "Wells Fargo", "Citigroup", "Jefferies", "Barclays", "HSBC", "Deutsche Bank", "UBS", "Home Depot",
        "Lowe's", "Lockheed Martin", "Northrop Grumman", "Raytheon", "Blue Origin",
        "NFL", "NBA", "MLB", "NHL", "FIFA", "UEFA", "IOC", "ICC", "Nasdaq", "Federal Reserve", "Fed",
        "USA Today", "Barron's", "The Hill", "Newsweek", "Time", "Forbes", "Fortune", "Vox", "Vice",
        "BuzzFeed", "HuffPost", "Labour", "Conservatives", "Tories", "Democrats", "Republicans", "GOP",
    ]

    /// Capitalised words that open sentences or label things but are never names.
    static let nonNames: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She",
        "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "Him", "Them", "Us",
        "In", "On", "At", "By", "For", "From", "With", "Without", "Of", "To", "Into", "Onto", "Over",
        "Under", "After", "Before", "During", "Since", "Until", "While", "When", "Where", "Why", "How",
        "What", "Who", "Whom", "Which", "Whose", "If", "Unless", "Although", "Though", "Because", "As",
        "And", "But", "Or", "Nor", "So", "Yet", "Also", "Still", "Even", "Just", "Only", "Then", "Now",
        "Meanwhile", "However", "Moreover", "Furthermore", "Instead", "Indeed", "Despite", "Among",
        "Between", "About", "Against", "Across", "Through", "Throughout", "Within", "Amid", "Per",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
        "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
        "Nov", "Dec", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "Today", "Yesterday",
        "Tomorrow", "Mr", "Mrs", "Ms", "Read", "More", "Source", "Photo", "Image", "Video", "Watch",
        "Share", "Click", "Follow", "Subscribe", "Sign", "Explore", "Related", "Advertisement",
        "Updated", "Published", "Posted", "Copyright", "All", "Some", "Many", "Most", "Several",
        "Both", "Each", "Every", "No", "Not", "Yes", "Please", "Thank", "Thanks", "Let", "Do", "Does",
        "Did", "Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had", "Will", "Would", "Can",
        "Could", "Should", "May", "Might", "Must", "Shall", "Said", "Says", "According", "Asked", "Like",
        "Unlike", "Following", "Including", "Under", "Once", "Other", "Another", "Such", "Much", "Few",
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "First",
        "Second", "Third", "Last", "Next", "New", "Old", "Its", "Mr.", "Mrs.", "Ms.", "Breaking",
        "Exclusive", "Opinion", "Analysis", "Update", "Live", "Editor", "Note", "Contributing",
        "Reporting", "Writing", "Editing", "Additional", "Getty", "Images", "AFP/Getty", "File",
        "Courtesy", "Credit", "EDT", "EST", "GMT", "UTC", "BST", "CET", "PM", "AM", "Yes", "OK",
        "Hey", "Oh", "Well", "Please", "Come", "Hands", "Step", "Got", "Open", "Stop", "Look", "Why",
        "Whether", "Whatever", "Everyone", "Everything", "Nothing", "Something", "Anyone", "Nobody",
        "Police", "Prosecutors", "Officials", "Authorities", "Officers", "Government", "State",
        "President", "Minister", "Secretary", "Chief", "Coach", "Sen.", "Rep.", "Gov.", "Dr.", "Prof.",
        "Gen.", "Lt.", "Sgt.", "Capt.", "St.", "Former", "Senior", "Deputy", "Acting", "Ex",
        "Republican", "Democrat", "Democratic", "Independent", "Conservative", "Liberal", "Christmas",
        "Easter", "Ramadan", "Thanksgiving", "Halloween", "Internet", "Web", "Online", "Covid", "COVID",
        "COVID-19", "Brexit", "God", "Jesus", "Allah", "Mother", "Father", "Mom", "Dad", "Sir", "Madam", "Via", "Happy", "Birthday", "Source:", "SOURCE", "Reporting", "Photos", "Pictures", "Watch:", "Read:",
    ]
}
