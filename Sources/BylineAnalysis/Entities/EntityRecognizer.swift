/// One mention of an entity in the text.
struct EntityMention: Sendable, Hashable {
    /// Tokens of the name itself (role words excluded).
    var tokens: Range<Int>
    var span: TextSpan
    var surface: String
    var entity: Int
    /// Role phrase printed before the name ("Kremlin aide", "Russian President"), if any.
    var role: String?
    var roleStart: Int?
}

/// The recognizer's result: entities, and their mentions in text order.
struct RecognizedEntities: Sendable {
    var entities: [Entity]
    var mentions: [EntityMention]
    var tokens: [Token]

    /// The mention whose tokens include token `index`.
    func mention(atToken index: Int) -> EntityMention? {
        mentions.first { $0.tokens.contains(index) }
    }
}

/// `text → entities`: people, organisations and locations.
///
/// Candidates are runs of capitalised words (with `of`, `de`, `van`, `al` … inside); role
/// words and titles before a name (`Russian President`, `Sen.`, `Kremlin aide`) are split
/// off as roles; the rest is typed by general word lists (countries and cities, given
/// names, organisation words, well-known organisations) and by context (a capital followed
/// by a reporting verb acts as a government). Within the article, a later short form
/// ("Ushakov", "President Putin") resolves to the earlier full name.
enum EntityRecognizer {
    static func recognize(_ s: [Unicode.Scalar], regions: [Range<Int>]) -> RecognizedEntities {
        var tokens: [Token] = []
        var breaks = Set<Int>()  // token indices that start a new region or line
        for region in regions.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            for line in QuoteExtractor.lineRanges(s, in: region) {
                breaks.insert(tokens.count)
                tokens.append(contentsOf: WordTokenizer.tokens(s, in: line))
            }
        }
        var builder = Builder(s: s, tokens: tokens, breaks: breaks)
        builder.run()
        return RecognizedEntities(entities: builder.entities, mentions: builder.mentions, tokens: tokens)
    }

    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").filter { !["of", "and", "the", "for", "The"].contains($0) }.compactMap { $0.first }.filter(\.isUppercase))
    }

    /// Lower-case nouns that name a kind of organisation before its name ("website Full Fact").
    static let organizationNouns: Set<String> = [
        "website", "company", "firm", "group", "agency", "newspaper", "startup", "start-up", "network",
        "organisation", "organization", "charity", "airline", "carrier", "bank", "retailer", "outlet",
        "broadcaster", "publisher", "insurer", "lender", "automaker", "carmaker", "manufacturer",
        "developer", "brokerage", "subsidiary", "platform", "app", "service", "station", "channel",
        "magazine", "tabloid", "daily", "wire", "union", "party", "club", "team", "university", "school",
        "coalition", "nonprofit", "non-profit", "think-tank", "institute", "consultancy", "fund",
    ]

    static let connectors: Set<String> = ["of", "for", "the", "de", "van", "von", "der", "den", "al", "bin", "du", "da", "del", "la", "le", "and", "on", "y", "di"]
    static let thingHeads: Set<String> = [
        "Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Award", "Awards", "Prize",
        "Day", "Week", "Act", "Bill", "Program", "Programme", "Plan", "Project", "Summit", "Conference",
        "Agreement", "Accord", "Treaty", "War", "Operation", "Index", "Average", "Festival", "Series",
        "Tour", "Finals", "Final", "Bowl", "Trophy", "Initiative", "Services", "Rule", "Law", "Report",
        "Mission", "Lander", "Rocket", "Flight", "Station", "Telescope", "Street", "Avenue", "Road",
        "Square", "Bridge", "Field", "Stadium", "Arena", "Park", "Hall", "Hotel", "Suites", "Prison",
        "Center", "Centre", "Airport", "Island", "Islands", "River", "Lake", "Mountain", "Mountains",
        "Valley", "County", "Province", "Region", "District", "State", "City", "Hills", "Beach", "Coast",
    ]
    static let placeHeads: Set<String> = [
        "Street", "Avenue", "Road", "Square", "Bridge", "Field", "Stadium", "Arena", "Park", "Hall",
        "Hotel", "Suites", "Prison", "Airport", "Island", "Islands", "River", "Lake", "Mountain",
        "Mountains", "Valley", "County", "Province", "Region", "City", "Hills", "Beach", "Coast", "Strait",
        "Sea", "Ocean", "Desert", "Peninsula", "Correctional",
    ]
    static let actorVerbs: Set<String> = [
        "said", "says", "would", "will", "has", "had", "is", "was", "wants", "wanted", "announced", "warned",
        "told", "called", "urged", "insisted", "denied", "rejected", "accused", "condemned", "responded",
        "claimed", "declared", "added", "noted", "stated", "believes", "expects", "refused", "plans",
        "hopes", "could", "should", "did", "does", "must", "may", "might",
    ]

    /// Words after which `of` / `for` / `and` continue a name (`University of …`,
    /// `Secretary of State`, `Foreign and Commonwealth Office`).
    static func ofHeads(_ word: String) -> Bool {
        Vocabulary.organizationHeads.contains(word) || Vocabulary.titles.contains(word) || placeHeads.contains(word)
            || thingHeads.contains(word) || Vocabulary.demonyms.contains(word)
            || ["State", "Republic", "Kingdom", "District", "Bay", "Isle", "Cape", "Statue", "Federal", "Sea", "Gulf", "Attorney's", "Attorney’s", "Rights", "Affairs", "Staff", "Justice", "Investigation"].contains(word)
    }

    static let nameSuffixes = ["-based", "-born", "-style", "-led", "-backed", "-owned", "-funded", "-bound", "-area"]
    static let leadingThings: Set<String> = ["Operation", "Project", "Programme", "Program", "Group", "Team", "Hurricane", "Storm", "Typhoon", "Cyclone", "Flight", "Route", "Highway", "Interstate", "Article", "Section", "Chapter", "Amendment", "Page", "Exhibit", "Key", "Related", "Watch", "Listen", "Photos", "Updated"]

    struct Builder {
        let s: [Unicode.Scalar]
        let tokens: [Token]
        let breaks: Set<Int>
        var entities: [Entity] = []
        var mentions: [EntityMention] = []
        var keys: [String: Int] = [:]  // "type|lowercased name" -> entity index
        var pendingSingles: [(Range<Int>, Int?)] = []
        var pendingAcronyms: [Range<Int>] = []
        var pendingPlaces: [(Range<Int>, String)] = []
        /// Tokens on lines shaped like headlines (title case), where capitals prove nothing.
        var headlineTokens = Set<Int>()
        /// Capitalised words standing alone (no capitalised neighbour), by count.
        var standalone: [String: Int] = [:]
        /// Whether each token is name-shaped (`isCapWord`), decided once: the candidate scan
        /// asks about the same token several times.
        let capitalized: [Bool]
        /// `nameParts` of each entity's name, kept in step with `entities`: the person
        /// look-ups scan every entity for every candidate, and splitting the names again
        /// each time was a tenth of the analysis.
        var entityNameParts: [[String]] = []

        init(s: [Unicode.Scalar], tokens: [Token], breaks: Set<Int>) {
            self.s = s
            self.tokens = tokens
            self.breaks = breaks
            self.capitalized = tokens.map { Builder.isCapWord($0.text) }
        }

        func gapIsSpace(_ a: Int, _ b: Int) -> Bool {
            // Tokens a and b are adjacent with only spaces (or a hyphen) between them.
            if breaks.contains(b) { return false }
            let from = tokens[a].end, to = tokens[b].start
            if tokens[a].possessive { return false }
            guard to - from <= 2 else { return false }
            for i in from..<to where !(s[i] == " " || s[i] == "\u{A0}") { return false }
            return true
        }

        static func isCapWord(_ text: String) -> Bool {
            guard let f = text.unicodeScalars.first else { return false }
            if f.isFastUppercase { return true }
            // The Character-level search below is costly; most words hold no hyphen at all.
            let hasHyphen = text.utf8.contains(UInt8(ascii: "-"))
            // `al-Busaidi`, `bin-Salman`
            if hasHyphen, let dash = text.firstIndex(of: "-"), text.distance(from: text.startIndex, to: dash) <= 3,
               let after = text[text.index(after: dash)...].unicodeScalars.first, after.isFastUppercase { return true }
            // `iPhone`, `eBay`: the scalar tests first, the Character count only for those.
            guard f.isFastLowercase, text.unicodeScalars.dropFirst().first?.isFastUppercase == true else { return false }
            return text.count > 1 && text.count <= 8 && !hasHyphen
        }

        /// Whether token i starts a sentence (first of its line, or after . ! ? or a quotation mark).
        func sentenceInitial(_ i: Int) -> Bool {
            if i == 0 || breaks.contains(i) { return true }
            var j = tokens[i].start - 1
            while j >= tokens[i - 1].end {
                let c = s[j]
                if c == "." || c == "!" || c == "?" || c == ":" || QuoteMarks.isDouble(c) || c == "‘" || c == "'" { return true }
                j -= 1
            }
            return tokens[i - 1].text.hasSuffix(".") && !Vocabulary.titles.contains(tokens[i - 1].text)
        }

        mutating func run() {
            var lineStart = 0
            let starts = breaks.sorted()
            for (n, b) in starts.enumerated() {
                let e = n + 1 < starts.count ? starts[n + 1] : tokens.count
                lineStart = b
                guard lineStart < e else { continue }
                var lineEnd = tokens[e - 1].end
                while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
                let line = tokens[lineStart].start..<lineEnd
                if QuoteExtractor.isHeadlineLike(s, line: line) { for x in lineStart..<e { headlineTokens.insert(x) } }
            }
            for x in tokens.indices where capitalized[x] && !headlineTokens.contains(x) {
                let leftCap = x > 0 && capitalized[x - 1] && gapIsSpace(x - 1, x)
                let rightCap = x + 1 < tokens.count && capitalized[x + 1] && gapIsSpace(x, x + 1)
                if !leftCap && !rightCap { standalone[tokens[x].text, default: 0] += 1 }
            }
            var i = 0
            var candidates: [Range<Int>] = []
            while i < tokens.count {
                guard capitalized[i] else { i += 1; continue }
                var j = i + 1
                while j < tokens.count {
                    if capitalized[j] && gapIsSpace(j - 1, j) { j += 1; continue }
                    // A connector inside a name: `University of Kabul`, `van de`.
                    if EntityRecognizer.connectors.contains(tokens[j].text), j + 1 < tokens.count,
                       gapIsSpace(j - 1, j), gapIsSpace(j, j + 1), capitalized[j + 1],
                       !["of", "for", "on", "and", "the"].contains(tokens[j].text) || EntityRecognizer.ofHeads(tokens[j - 1].text) {
                        var k = j + 1
                        while k + 1 < tokens.count, EntityRecognizer.connectors.contains(tokens[k].text) { k += 1 }
                        if capitalized[k] {
                            // `and` joins only organisation names (`Foreign and Commonwealth Office`).
                            if tokens[j].text == "and" || tokens[j].text == "on" {
                                var e = k
                                while e + 1 < tokens.count, capitalized[e + 1], gapIsSpace(e, e + 1) { e += 1 }
                                guard Vocabulary.organizationHeads.contains(tokens[e].text), e > k || Vocabulary.organizationHeads.contains(tokens[k].text) else { break }
                            }
                            j = k + 1
                            continue
                        }
                    }
                    break
                }
                candidates.append(i..<j)
                i = j
            }
            for c in candidates { consider(c) }
            // Single words left undecided: an alias of a person named anywhere in the article.
            for (range, fallback) in pendingSingles {
                let word = tokens[range.lowerBound].text
                if let p = personByPart(word) {
                    addMention(range, entity: p, role: nil)
                } else if let f = fallback {
                    addMention(range, entity: f, role: nil)
                }
            }
            for (range, name) in pendingPlaces {
                if let p = personByPart(name) { addMention(range, entity: p, role: nil) } else { addEntity(range, name: name, type: .location, role: nil) }
            }
            // Acronyms of organisations named in full (`ICC`, `EU`); others are dropped.
            for r in pendingAcronyms {
                let word = tokens[r.lowerBound].text
                if let org = entities.firstIndex(where: { $0.type == .organization && EntityRecognizer.initials($0.name) == word }) {
                    addMention(r, entity: org, role: nil)
                }
            }
            for (index, e) in entities.enumerated() where e.type == .organization && !e.spans.isEmpty {
                if e.name.count <= 6, e.name.allSatisfy({ $0.isUppercase }),
                   let full = entities.firstIndex(where: { $0.type == .organization && $0.name != e.name && EntityRecognizer.initials($0.name) == e.name }) {
                    mergeEntity(index, into: full)
                } else if let longer = entities.firstIndex(where: { $0.type == .organization && $0.name.hasSuffix(" " + e.name) && !$0.spans.isEmpty }),
                          e.name.contains(" ") {
                    mergeEntity(index, into: longer)
                }
            }
            // A name used both as a place and as an actor is an organisation.
            for (index, e) in entities.enumerated() where e.type == .location {
                if let org = keys["organization|\(e.name.lowercased())"] {
                    mergeEntity(index, into: org)
                }
            }
            // Drop merged-away entities, renumbering mentions.
            var renumber: [Int: Int] = [:]
            var kept: [Entity] = []
            for (index, e) in entities.enumerated() where !e.spans.isEmpty {
                renumber[index] = kept.count
                kept.append(e)
            }
            entities = kept
            entityNameParts = kept.map { nameParts($0.name) }
            mentions = mentions.compactMap { m in
                guard let n = renumber[m.entity] else { return nil }
                var m = m
                m.entity = n
                return m
            }
            mentions.sort { $0.span.start < $1.span.start }
            for m in mentions {
                let surface = m.surface
                if surface != entities[m.entity].name, !entities[m.entity].aliases.contains(surface) {
                    entities[m.entity].aliases.append(surface)
                }
            }
        }

        mutating func mergeEntity(_ index: Int, into target: Int) {
            guard index != target else { return }
            for m in mentions.indices where mentions[m].entity == index { mentions[m].entity = target }
            entities[target].spans.append(contentsOf: entities[index].spans)
            for role in entities[index].roles where !entities[target].roles.contains(role) { entities[target].roles.append(role) }
            entities[index].spans = []
        }

        func text(_ r: Range<Int>) -> String {
            guard !r.isEmpty else { return "" }
            return String(scalars: s[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end])
        }

        static let generationSuffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

        func nameParts(_ name: String) -> [String] {
            var parts = name.split(separator: " ").map(String.init)
            while parts.count > 2, let last = parts.last, Builder.generationSuffixes.contains(last) { parts.removeLast() }
            return parts
        }

        /// A person already named whose surname is `surname` and whose given name is
        /// compatible with `given` (`Pat` / `Patrick`).
        func personBySurname(_ name: String) -> Int? {
            let parts = nameParts(name)
            guard parts.count >= 2, let given = parts.first, let surname = parts.last else { return nil }
            return entities.indices.last { index in
                guard entities[index].type == .person else { return false }
                let other = entityNameParts[index]
                guard other.count >= 2, other.last == surname, let g = other.first else { return false }
                return g.hasPrefix(given) || given.hasPrefix(g)
            }
        }

        func personByPart(_ word: String) -> Int? {
            var best: Int?
            for index in entities.indices where entities[index].type == .person {
                let parts = entityNameParts[index]
                if parts.count > 1, parts.last == word || (parts.count > 2 && parts[1...].joined(separator: " ") == word) {
                    best = index
                }
            }
            if best == nil {
                // `nameParts` only drops suffixes while more than two parts remain, so its
                // first part and whether there are several are those of the plain split.
                for index in entities.indices where entities[index].type == .person {
                    let parts = entityNameParts[index]
                    if parts.count > 1, parts.first == word { best = index }
                }
            }
            return best
        }

        mutating func consider(_ range: Range<Int>) {
            var lo = range.lowerBound
            let hi = range.upperBound
            // Sentence-opening function words are not names.
            // A well-known organisation printed with its article (`The Hill`).
            if hi - lo >= 2, tokens[lo].text == "The", Vocabulary.knownOrganizations.contains(text(lo..<hi)) {
                addEntity(lo..<hi, name: text(lo..<hi), type: .organization, role: nil)
                return
            }
            while lo < hi, Vocabulary.nonNames.contains(tokens[lo].text) && !Vocabulary.titles.contains(tokens[lo].text),
                  !Places.isLocation(text(lo..<hi)), !Vocabulary.knownOrganizations.contains(text(lo..<hi)) { lo += 1 }
            if lo < hi, headlineTokens.contains(lo), hi - lo > 1, !(GivenNames.all.contains(tokens[lo].text) && hi - lo <= 3) {
                // Title-cased headline words: only the places and organisations the lists know.
                var k = lo
                while k < hi {
                    var matched = false
                    for width in stride(from: min(3, hi - k), through: 1, by: -1) {
                        let name = text(k..<(k + width))
                        if Places.isLocation(name) || Vocabulary.knownOrganizations.contains(name) || Places.seatsOfGovernment.contains(name) {
                            if width == 1, GivenNames.all.contains(name) { continue }
                            classify(k..<(k + width), role: nil, titled: false)
                            k += width
                            matched = true
                            break
                        }
                    }
                    if !matched { k += 1 }
                }
                return
            }
            if lo < hi, EntityRecognizer.leadingThings.contains(tokens[lo].text) { return }
            // `Australian-born Assange`, `London-based Full Fact`: the place is its own mention.
            while lo + 1 < hi, let suffix = EntityRecognizer.nameSuffixes.first(where: { tokens[lo].text.hasSuffix($0) }) {
                let stem = String(tokens[lo].text.dropLast(suffix.count))
                if Places.isLocation(stem) { addEntity(lo..<(lo + 1), name: Places.country(stem) ?? stem, type: .location, role: nil) }
                lo += 1
            }
            if lo < hi, Vocabulary.knownOrganizations.contains(text(lo..<hi)) {
                addEntity(lo..<hi, name: text(lo..<hi), type: .organization, role: nil)
                return
            }
            // Titles, demonyms and organisations before a title make the role.
            var nameStart = lo
            var k = lo
            let endsAsOrganization = Vocabulary.organizationHeads.contains(tokens[hi - 1].text) || EntityRecognizer.placeHeads.contains(tokens[hi - 1].text)
            while k < hi, !endsAsOrganization {
                let t = tokens[k].text
                if Vocabulary.titles.contains(t) || Vocabulary.demonyms.contains(t) {
                    k += 1
                    // `Chief of Staff`, `Secretary of State`
                    while k + 1 < hi, EntityRecognizer.connectors.contains(tokens[k].text), Vocabulary.titles.contains(tokens[k + 1].text) { k += 1 }
                    nameStart = k
                    continue
                }
                // `White House Press Secretary …`, `InfoNation President …`: an organisation
                // or place before a title is part of the role.
                var m = k + 1
                while m < hi, !Vocabulary.titles.contains(tokens[m].text) { m += 1 }
                if m < hi, m - k <= 3, m + 1 < hi, isTitleRun(m, hi), !titleRunEndsInConnector(m, hi) {
                    let qualifier = k..<m
                    addQualifier(qualifier)
                    k = m
                    continue
                }
                break
            }
            // Strip `Mr`, `Ms` style titles that stayed (e.g. lone `Ms Persson`).
            guard nameStart < hi else { return }
            if nameStart > lo, EntityRecognizer.connectors.contains(tokens[nameStart].text) {
                // `Director of Public Prosecution Eva-Marie Persson`: a person after the office;
                // `High Commissioner for Human Rights`: the office itself.
                if let given = (nameStart..<hi).first(where: { GivenNames.all.contains(tokens[$0].text) }), given > nameStart {
                    classify(given..<hi, role: text(lo..<given), titled: true)
                } else {
                    addEntity(lo..<hi, name: text(lo..<hi), type: .organization, role: nil)
                }
                return
            }
            let roleText = nameStart > range.lowerBound && nameStart > lo ? text(lo..<nameStart) : nil
            classify(nameStart..<hi, role: roleText, titled: nameStart > lo)
        }

        func titleRunEndsInConnector(_ m: Int, _ hi: Int) -> Bool {
            var k = m
            while k < hi {
                if Vocabulary.titles.contains(tokens[k].text) { k += 1; continue }
                if k + 1 < hi, EntityRecognizer.connectors.contains(tokens[k].text), Vocabulary.titles.contains(tokens[k + 1].text) { k += 2; continue }
                break
            }
            return k < hi && EntityRecognizer.connectors.contains(tokens[k].text)
        }

        func isTitleRun(_ m: Int, _ hi: Int) -> Bool {
            var k = m
            while k < hi, Vocabulary.titles.contains(tokens[k].text) { k += 1 }
            return k < hi && k > m
        }

        mutating func addQualifier(_ r: Range<Int>) {
            let name = text(r)
            if Places.country(name) != nil || Places.isLocation(name) {
                addEntity(r, name: Places.country(name) ?? name, type: .location, role: nil)
            } else {
                addEntity(r, name: name, type: .organization, role: nil)
            }
        }

        mutating func classify(_ r: Range<Int>, role: String?, titled: Bool) {
            var r = r
            // Trailing title-like words (`Trump Administration`) are kept; lone function words dropped.
            while r.count > 1, Vocabulary.nonNames.contains(tokens[r.upperBound - 1].text) { r = r.lowerBound..<(r.upperBound - 1) }
            let words = r.map { tokens[$0].text }
            let name = words.joined(separator: " ")
            let surface = text(r)
            let first = words.first!, last = words.last!
            let followedBy = r.upperBound < tokens.count && !breaks.contains(r.upperBound) ? tokens[r.upperBound].lower : ""
            let possessive = tokens[r.upperBound - 1].possessive

            if words.count == 1, Vocabulary.nonNames.contains(first) { return }
            // `London-based`, `Australian-born`: the place before the suffix only.
            if let suffix = EntityRecognizer.nameSuffixes.first(where: { last.hasSuffix($0) }) {
                let stem = String(last.dropLast(suffix.count))
                if words.count == 1, Places.isLocation(stem) {
                    addEntity(r, name: Places.country(stem) ?? stem, type: .location, role: role)
                }
                if words.count > 1 {
                    let whole = (words.dropLast() + [stem]).joined(separator: " ")
                    if Places.isLocation(whole) {
                        addEntity(r, name: Places.country(whole) ?? whole, type: .location, role: role)
                    } else {
                        classify(r.lowerBound..<(r.upperBound - 1), role: role, titled: titled)
                    }
                }
                return
            }
            // `R-Neb.`, `D-Minn.`: the party letter is not an entity, the state is.
            if words.count == 1, first.count > 2, ["R-", "D-", "I-"].contains(String(first.prefix(2))) {
                let rest = String(first.dropFirst(2))
                if let state = Places.stateAbbreviations[rest] ?? Places.stateAbbreviations[rest + "."] ?? (GeneratedGazetteer.usStates[rest] != nil ? rest : nil) {
                    addEntity(r, name: state, type: .location, role: role)
                }
                return
            }
            if words.count == 1, tokens[r.lowerBound].isAllCaps {
                let titled = first.prefix(1) + first.dropFirst().lowercased()
                if Places.isLocation(String(titled)) {
                    addEntity(r, name: Places.country(String(titled)) ?? String(titled), type: .location, role: role)
                    return
                }
                if Places.country(first) != nil {
                    addEntity(r, name: Places.country(first)!, type: .location, role: role)
                    return
                }
                if Vocabulary.knownOrganizations.contains(first) {
                    addEntity(r, name: first, type: .organization, role: role)
                    return
                }
                let inParentheses = tokens[r.lowerBound].start > 0 && s[tokens[r.lowerBound].start - 1] == "("
                let speaks = Vocabulary.speechTags.contains(followedBy)
                if inParentheses || speaks, first.count <= 6 {
                    addEntity(r, name: first, type: .organization, role: role)
                } else {
                    pendingAcronyms.append(r)
                }
                return
            }
            if headlineTokens.contains(r.lowerBound), words.count > 1, !GivenNames.all.contains(first),
               !Places.isLocation(surface), !Vocabulary.organizationHeads.contains(last) {
                // Title-cased headline words: only names known elsewhere.
                for (n, i) in r.enumerated() where n == 0 || n == words.count - 1 {
                    if let p = personByPart(tokens[i].text) { addMention(i..<(i + 1), entity: p, role: nil) }
                }
                return
            }
            if words.count == 1, tokens[r.lowerBound].isAllCaps, Vocabulary.nonNames.contains(first.prefix(1) + first.dropFirst().lowercased()) { return }
            if Vocabulary.demonyms.contains(surface) || Vocabulary.titles.contains(surface) { return }
            if words.count == 1, first.count == 1 { return }
            if words.count == 1, Vocabulary.organizationHeads.contains(first) || EntityRecognizer.placeHeads.contains(first) || EntityRecognizer.thingHeads.contains(first) { return }

            // Seats of government and capitals acting as governments.
            if Places.seatsOfGovernment.contains(surface) || Places.seatsOfGovernment.contains(name) {
                addEntity(r, name: surface, type: .organization, role: role)
                return
            }
            if let country = Places.country(surface) ?? Places.country(name) {
                addEntity(r, name: country, type: .location, role: role)
                return
            }
            if let state = Places.stateAbbreviations[surface] {
                addEntity(r, name: state, type: .location, role: role)
                return
            }
            if words.count == 1, Places.cities.contains(surface), !Places.capitals.contains(surface), !GeneratedGazetteer.usStates.keys.contains(surface) {
                // A city name that is also a surname (`Richardson`): the person's if the article names one.
                pendingPlaces.append((r, surface))
                return
            }
            if Places.cities.contains(surface) {
                let precededBy = r.lowerBound > 0 && !breaks.contains(r.lowerBound) ? tokens[r.lowerBound - 1].lower : ""
                let placePrepositions: Set<String> = ["in", "at", "to", "from", "near", "outside", "into", "across", "via", "over", "of", "around", "through", "toward", "towards", "visit", "visited", "visiting", "flew", "arrived", "based", "returned", "where"]
                let nextIsComma = r.upperBound <= tokens.count && tokens[r.upperBound - 1].end < s.count && s[tokens[r.upperBound - 1].end] == ","
                let nextIsLower = r.upperBound < tokens.count && !capitalized[r.upperBound] && !breaks.contains(r.upperBound)
                let actorContext = EntityRecognizer.actorVerbs.contains(followedBy) || (possessive && nextIsLower)
                    || (nextIsLower && !possessive && followedBy.hasSuffix("ed") && followedBy.count > 4)
                    || ["with", "against", "held", "blamed", "accused", "urged", "told", "pressed", "warned"].contains(precededBy) && !nextIsComma
                let objectOfVerb = (precededBy.hasSuffix("ing") || precededBy.hasSuffix("ed")) && precededBy.count > 4
                    && !["located", "stationed", "headquartered", "landed", "returning", "traveling", "travelling", "flying", "heading", "living", "lived", "staying", "stayed", "during", "including", "according", "morning", "evening", "building"].contains(precededBy)
                let acts = Places.capitals.contains(surface) && ((!placePrepositions.contains(precededBy) && !nextIsComma && (actorContext || objectOfVerb)) || (possessive && nextIsLower && precededBy != "in"))
                    && !(r.lowerBound > 0 && tokens[r.lowerBound - 1].isCapitalized && !breaks.contains(r.lowerBound))
                if acts {
                    addEntity(r, name: surface, type: .organization, role: role)
                } else {
                    addEntity(r, name: surface, type: .location, role: role)
                }
                return
            }
            if Places.isLocation(surface) {
                addEntity(r, name: surface, type: .location, role: role)
                return
            }
            if Vocabulary.knownOrganizations.contains(surface) || Vocabulary.knownOrganizations.contains(name) {
                addEntity(r, name: surface, type: .organization, role: role)
                return
            }
            if words.count > 1, EntityRecognizer.placeHeads.contains(last) {
                addEntity(r, name: surface, type: .location, role: role)
                return
            }
            if Vocabulary.organizationHeads.contains(last) || (words.count > 2 && Vocabulary.organizationHeads.contains(first) && words[1] == "of") {
                addEntity(r, name: surface, type: .organization, role: role)
                return
            }
            // An office named by its title: `High Commissioner for Human Rights`.
            if words.count > 2, !words.contains(where: { GivenNames.all.contains($0) }),
               zip(words, words.dropFirst()).contains(where: { Vocabulary.titles.contains($0.0) && ["for", "of", "on"].contains($0.1) }) {
                addEntity(r, name: surface, type: .organization, role: role)
                return
            }
            if words.count > 1, EntityRecognizer.thingHeads.contains(last) { return }
            if words.count > 1, words.contains(where: { Vocabulary.organizationHeads.contains($0) }) {
                addEntity(r, name: surface, type: .organization, role: role)
                return
            }

            // People: a given name first, a title before, or a short run of name-shaped words.
            let nameShaped = words.allSatisfy { w in
                !Vocabulary.nonNames.contains(w) && !Vocabulary.demonyms.contains(w)
                    && !(w.unicodeScalars.count > 1 && w.unicodeScalars.allSatisfy { $0.isFastUppercase })
            }
            let containsPlace = words.contains { Places.isLocation($0) && !GivenNames.all.contains($0) }
            let lastHead = last.split(separator: "-").last.map(String.init) ?? last
            if words.count > 1, Vocabulary.organizationHeads.contains(lastHead) {
                addEntity(r, name: surface, type: .organization, role: role)
                return
            }
            if words.count >= 2, let existing = personByPart(name), entities[existing].name.hasSuffix(name) {
                addMention(r, entity: existing, role: role)
                return
            }
            let standaloneLast = standalone[last, default: 0] > 0
            let personContext = titled || Vocabulary.speechTags.contains(followedBy) || followedBy == "who"
                || lowercaseRole(before: r.lowerBound) != nil || appositionThenSpeech(after: r.upperBound)
                || (followedBy == "of" && r.upperBound + 1 < tokens.count && (Places.country(tokens[r.upperBound + 1].text) != nil
                    || (r.upperBound + 2 < tokens.count && Places.country(tokens[r.upperBound + 1].text + " " + tokens[r.upperBound + 2].text) != nil)))
                || (r.upperBound < tokens.count && tokens[r.upperBound].text.first?.isNumber == true && s[tokens[r.upperBound - 1].end] == ",")
            let before = r.lowerBound > 0 && !breaks.contains(r.lowerBound) ? tokens[r.lowerBound - 1].lower : ""
            if EntityRecognizer.organizationNouns.contains(before), !GivenNames.all.contains(first) || words.count == 1, !titled {
                addEntity(r, name: surface, type: .organization, role: role)
                return
            }
            if words.count >= 2, words.count <= 4, nameShaped || GivenNames.all.contains(first),
               GivenNames.all.contains(first) || ((standaloneLast || personContext) && (!containsPlace || titled)) || afterPossessivePlace(r.lowerBound) {
                if let existing = personByPart(name), entities[existing].name.hasSuffix(name) {
                    addMention(r, entity: existing, role: role)
                    return
                }
                if let existing = personBySurname(name) {
                    // The longer form is the canonical name.
                    if nameParts(name).count > nameParts(entities[existing].name).count || name.count > entities[existing].name.count && !entities[existing].name.hasSuffix(".") {
                        if !entities[existing].aliases.contains(entities[existing].name) { entities[existing].aliases.append(entities[existing].name) }
                    }
                    addMention(r, entity: existing, role: role)
                    return
                }
                addEntity(r, name: surface, type: .person, role: role)
                return
            }
            if words.count == 1 {
                if let p = personByPart(first) {
                    addMention(r, entity: p, role: role)
                    return
                }
                if titled, role.map(isPersonTitle) ?? false {
                    // `President Putin`, `Ms Persson`: a person even before their full name.
                    pendingSingles.append((r, nil))
                    let index = addEntity(r, name: surface, type: .person, role: role, deferAlias: true)
                    pendingSingles[pendingSingles.count - 1].1 = index
                    return
                }
                let speaks = Vocabulary.speechTags.contains(followedBy) || Vocabulary.reportingVerbs.contains(followedBy)
                if speaks && !sentenceInitial(r.lowerBound) || speaks && GivenNames.all.contains(first) {
                    pendingSingles.append((r, nil))
                    return
                }
                pendingSingles.append((r, nil))
            }
        }

        func isPersonTitle(_ role: String) -> Bool {
            let last = role.split(separator: " ").last.map(String.init) ?? role
            return !["Foreign", "State", "National", "U.S.", "US"].contains(last)
        }

        /// `Name, another deportee, said`: an apposition between commas, then a speech verb.
        func appositionThenSpeech(after end: Int) -> Bool {
            guard end < tokens.count, end > 0, s[tokens[end - 1].end] == "," else { return false }
            var k = end
            while k < tokens.count, k - end < 8, !breaks.contains(k) {
                if Vocabulary.speechTags.contains(tokens[k].lower) { return k > end && s[tokens[k - 1].end] == "," }
                k += 1
            }
            return false
        }

        /// `Serbia’s Novak Djokovic`: a name right after a possessive country or city.
        func afterPossessivePlace(_ start: Int) -> Bool {
            guard start > 0, gapIsSpaceIgnoringPossessive(start - 1, start), tokens[start - 1].possessive else { return false }
            return Places.country(tokens[start - 1].text) != nil || Places.cities.contains(tokens[start - 1].text)
        }

        func gapIsSpaceIgnoringPossessive(_ a: Int, _ b: Int) -> Bool {
            if breaks.contains(b) { return false }
            let from = tokens[a].end, to = tokens[b].start
            guard to - from <= 4 else { return false }
            return (from..<to).allSatisfy { s[$0] == " " || s[$0] == "'" || s[$0] == "’" || s[$0] == "s" || s[$0] == "\u{A0}" }
        }

        static let roleModifiers: Set<String> = ["foreign", "policy", "affairs", "press", "security", "national", "senior", "top", "deputy", "executive", "vice", "general", "associate", "assistant", "chief", "defense", "defence", "interior", "finance", "economic", "military", "presidential", "former", "acting", "special", "regional", "local", "state", "federal", "clinical", "founding", "managing", "of", "the", "for", "and", "business", "development", "communications", "political", "legal", "public", "media", "research", "programs", "industry", "analysis", "advanced"]

        /// A role printed before a name in lower case after an organisation or place:
        /// `Kremlin aide`, `Putin foreign affairs adviser`, `Wikileaks editor-in-chief`.
        func lowercaseRole(before start: Int) -> String? {
            var j = start
            var sawRoleNoun = false
            while j > 0, gapIsSpace(j - 1, j), start - j < 6 {
                let t = tokens[j - 1]
                let lower = t.lower
                let parts = lower.split(separator: "-").map(String.init)
                if t.isCapitalized { break }
                if Vocabulary.roleNouns.contains(lower) || parts.contains(where: { Vocabulary.roleNouns.contains($0) }) { sawRoleNoun = true; j -= 1; continue }
                if Builder.roleModifiers.contains(lower) { j -= 1; continue }
                break
            }
            guard sawRoleNoun, j < start else { return nil }
            var k = j
            while k > 0, gapIsSpace(k - 1, k), j - k < 3, capitalized[k - 1] || tokens[k - 1].possessive && capitalized[k - 1] {
                if Vocabulary.nonNames.contains(tokens[k - 1].text) { break }
                k -= 1
            }
            while j < start, ["of", "the", "for", "and"].contains(tokens[j].lower) { j += 1 }
            let from = k < j ? k : j
            return text(from..<start)
        }

        @discardableResult
        mutating func addEntity(_ r: Range<Int>, name: String, type: EntityType, role: String?, deferAlias: Bool = false) -> Int {
            let key = "\(type.rawValue)|\(name.lowercased())"
            var index: Int
            if let existing = keys[key] {
                index = existing
            } else if type == .person, let existing = personByPart(name), !deferAlias {
                index = existing
            } else {
                // A full name arriving after its short form replaces it as canonical.
                if type == .person, name.contains(" "),
                   let short = entities.firstIndex(where: { $0.type == .person && !$0.name.contains(" ") && name.hasSuffix(" " + $0.name) }) {
                    index = short
                    entities[short].aliases.append(entities[short].name)
                    entities[short].name = name
                    entityNameParts[short] = nameParts(name)
                    keys[key] = short
                } else {
                    index = entities.count
                    entities.append(Entity(name: name, type: type))
                    entityNameParts.append(nameParts(name))
                    keys[key] = index
                }
            }
            addMention(r, entity: index, role: role)
            return index
        }

        mutating func addMention(_ r: Range<Int>, entity: Int, role: String?) {
            var role = role
            if role == nil, entities[entity].type == .person { role = lowercaseRole(before: r.lowerBound) }
            let span = TextSpan(start: tokens[r.lowerBound].start, end: tokens[r.upperBound - 1].end)
            if mentions.contains(where: { $0.span == span }) { return }
            mentions.append(EntityMention(tokens: r, span: span, surface: text(r), entity: entity, role: role))
            entities[entity].spans.append(span)
            if let role, !entities[entity].roles.contains(role) { entities[entity].roles.append(role) }
            // `President Putin`: a titled form the article uses is an alias too.
            if let role, entities[entity].type == .person, role.first?.isUppercase == true,
               role.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) {
                let titled = "\(role) \(text(r))"
                if titled != entities[entity].name, !entities[entity].aliases.contains(titled) { entities[entity].aliases.append(titled) }
            }
        }
    }
}
