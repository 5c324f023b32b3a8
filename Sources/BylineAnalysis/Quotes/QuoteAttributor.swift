/// `[QuoteSpan] + entities → [Quote]`: finds who said each quotation.
///
/// Each quotation is read inside its sentence (sentences split with every quotation
/// masked, so quoted full stops never split one). In order:
/// 1. an attribution right after it: `"…," X said`, `"…," said X`, `"…" X, role, said`;
/// 2. the nearest speech or relay verb before it whose subject is named or a pronoun:
///    `X said "…"`, `Putin noted that … "…"` (relayed words → the original speaker),
///    `according to X`; an unnamed source ("officials said") gives no speaker;
/// 3. otherwise the speaker of the previous quotation in the paragraph, or of the previous
///    paragraph when this one opens with a quotation (a quotation running on).
/// Pronouns resolve to the most recent person (or, for `it`, organisation) that was a
/// speaker or a sentence's subject; role descriptions ("the Kremlin aide") to the entity
/// given that role.
enum QuoteAttributor {
    struct Attribution {
        var speakerText: String?
        var cue: String?
        var speaker: String?
        var anonymous: Bool = false
    }

    /// The quotations with their speakers, and the entities — with any speaker named only
    /// in an attribution added.
    static func attribute(_ spans: [QuoteSpan], in s: [Unicode.Scalar], paragraphs: [Range<Int>],
                          entities: RecognizedEntities) -> (quotes: [Quote], entities: [Entity]) {
        var context = Context(s: s, spans: spans, paragraphs: paragraphs, recognized: entities)
        let quotes = context.run()
        return (quotes, context.recognized.entities)
    }

    struct Context {
        let s: [Unicode.Scalar]
        let spans: [QuoteSpan]
        let paragraphs: [Range<Int>]
        var recognized: RecognizedEntities
        var masked: [Unicode.Scalar]
        /// Whether each scalar lies inside a quotation's content: `insideQuote` is asked for
        /// every token around every quotation, and a scan of the spans there made the
        /// attribution quadratic (an article with many quotations took minutes).
        let quoted: [Bool]
        /// Positions where a person or organisation was a speaker or a sentence subject.
        var salient: [(position: Int, entity: Int)] = []

        init(s: [Unicode.Scalar], spans: [QuoteSpan], paragraphs: [Range<Int>], recognized: RecognizedEntities) {
            self.s = s
            self.spans = spans
            self.paragraphs = paragraphs
            self.recognized = recognized
            var inside = [Bool](repeating: false, count: s.count)
            for q in spans where q.content.start < q.content.end {
                for i in q.content.start..<min(q.content.end, s.count) { inside[i] = true }
            }
            quoted = inside
            var m = s
            for q in spans {
                var end = q.content.end
                while end > q.content.start, ".!?,".unicodeScalars.contains(s[end - 1]) || s[end - 1].isFastWhitespace { end -= 1 }
                for i in q.content.start..<end where !m[i].isFastWhitespace { m[i] = "x" }
            }
            masked = m
        }

        var tokens: [Token] { recognized.tokens }

        func firstToken(atOrAfter position: Int) -> Int {
            var lo = 0, hi = tokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if tokens[mid].start < position { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        func insideQuote(_ position: Int) -> Bool {
            position >= 0 && position < quoted.count && quoted[position]
        }

        /// Tokens in `range` of the text that lie outside quotations.
        func contextTokens(_ range: Range<Int>) -> [Int] {
            var result: [Int] = []
            var i = firstToken(atOrAfter: range.lowerBound)
            while i < tokens.count, tokens[i].start < range.upperBound {
                if !insideQuote(tokens[i].start) { result.append(i) }
                i += 1
            }
            return result
        }

        mutating func run() -> [Quote] {
            // Sentence subjects: the first person or organisation mention of each sentence.
            var sentencesByParagraph: [[Sentence]] = []
            for p in paragraphs {
                let sentences = SentenceSplitter.split(masked, in: p)
                sentencesByParagraph.append(sentences)
                for sentence in sentences {
                    if let m = recognized.mentions.first(where: { sentence.span.start <= $0.span.start && $0.span.end <= sentence.span.end && !insideQuote($0.span.start) && recognized.entities[$0.entity].type != .location }) {
                        salient.append((m.span.start, m.entity))
                    }
                }
            }
            var results: [Attribution] = []
            for (qi, q) in spans.enumerated() {
                let sentences = sentencesByParagraph[q.paragraph]
                let sentence = sentences.first { $0.span.start <= q.open && q.open < $0.span.end }?.span
                    ?? TextSpan(start: paragraphs[q.paragraph].lowerBound, end: paragraphs[q.paragraph].upperBound)
                var attribution = find(q, qi, sentence)
                if attribution == nil, !opensParagraph(q) || !(qi > 0 && spans[qi - 1].paragraph == q.paragraph),
                   let previous = sentences.last(where: { $0.span.end <= q.open }) {
                    // `Rules are broken, he said. "But …"`: the previous sentence's speaker.
                    let idx = contextTokens(previous.span.start..<previous.span.end)
                    if let a = before(idx, quoteAt: q.open), a.speaker != nil, !(qi > 0 && spans[qi - 1].paragraph == q.paragraph && spans[qi - 1].open >= previous.span.start) {
                        attribution = a
                    }
                }
                if attribution == nil, opensParagraph(q), !(qi > 0 && spans[qi - 1].paragraph == q.paragraph),
                   !(qi > 0 && previousNonBlank(q.paragraph) == spans[qi - 1].paragraph), previousNonBlank(q.paragraph) >= 0,
                   let last = sentencesByParagraph[previousNonBlank(q.paragraph)].last {
                    // `Erekat said it was … \n\n "They wanted …"`: the speaker the previous
                    // paragraph ends on.
                    let idx = contextTokens(last.span.start..<last.span.end)
                    if let a = before(idx, quoteAt: q.open), a.speaker != nil { attribution = a }
                }
                if attribution == nil {
                    // Carried on from the previous quotation of this paragraph, or of the
                    // previous paragraph when this one opens with the quotation.
                    if qi > 0, spans[qi - 1].paragraph == q.paragraph {
                        attribution = results[qi - 1]
                    } else if qi > 0, opensParagraph(q), previousNonBlank(q.paragraph) == spans[qi - 1].paragraph || spans[qi - 1].close == nil {
                        attribution = results[qi - 1]
                    }
                }
                let a = attribution ?? Attribution()
                results.append(a)
                if let name = a.speaker, let e = recognized.entities.firstIndex(where: { $0.name == name }) {
                    salient.append((q.open, e))
                }
            }
            results = echoesAttributed(results)
            return zip(spans, results).map { q, a in
                Quote(text: String(scalars: s[q.content.start..<q.content.end]),
                      span: q.content, speakerText: a.speakerText, cue: a.cue, speaker: a.speaker)
            }
        }

        /// A quotation that repeats, word for word, quotations the article attributes to one
        /// speaker, and that nothing around it attributes, is that speaker's: a headline
        /// echoing "very alarming" from the body, a phrase quoted again further down. Only
        /// when every attributed copy names the same speaker; one left to an unnamed source
        /// ("a spokesman said") stays unnamed.
        func echoesAttributed(_ results: [Attribution]) -> [Attribution] {
            // The same words in the same order, as `QuoteGrouping.sameWords` compares them.
            let keys = spans.map {
                QuoteGrouping.orderedWords(String(scalars: s[$0.content.start..<$0.content.end])).joined(separator: " ")
            }
            var speakers: [String: Set<String>] = [:]
            for (key, a) in zip(keys, results) where !key.isEmpty {
                if let speaker = a.speaker { speakers[key, default: []].insert(speaker) }
            }
            return zip(keys, results).map { key, a in
                guard a.speaker == nil, a.speakerText == nil, !a.anonymous,
                      let named = speakers[key], named.count == 1 else { return a }
                var echoed = a
                echoed.speaker = named.first
                return echoed
            }
        }

        func previousNonBlank(_ p: Int) -> Int {
            var k = p - 1
            while k >= 0, paragraphs[k].allSatisfy({ s[$0].isBlankForTrimming }) { k -= 1 }
            return k
        }

        func opensParagraph(_ q: QuoteSpan) -> Bool {
            var i = paragraphs[q.paragraph].lowerBound
            while i < q.open, s[i].isFastWhitespace { i += 1 }
            return i == q.open
        }

        mutating func find(_ q: QuoteSpan, _ qi: Int, _ sentence: TextSpan) -> Attribution? {
            let closeEnd = (q.close ?? q.content.end) + 1
            // The stretch after the quotation up to the next quotation in the sentence.
            let nextOpen = spans[(qi + 1)...].first { $0.paragraph == q.paragraph && $0.open >= closeEnd }?.open
            let afterEnd = min(sentence.end, nextOpen ?? sentence.end)
            if sentence.start < q.open, let a = relayed(contextTokens(sentence.start..<q.open), quoteAt: q.open) { return a }
            if closeEnd < afterEnd, let a = after(contextTokens(closeEnd..<afterEnd), quoteAt: q.open) { return a }
            // Before it, back to the sentence start or the previous quotation's end.
            if sentence.start < q.open, let a = before(contextTokens(sentence.start..<q.open), quoteAt: q.open) { return a }
            return nil
        }

        static let timeWords: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "night", "year", "month", "morning", "evening", "afternoon", "weekend", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

        static let bodyNouns: Set<String> = ["ministry", "government", "embassy", "parliament", "army", "military", "cabinet", "presidency", "foreign", "defence", "defense", "interior", "group", "company", "agency", "department", "office", "firm", "coalition", "union", "league", "party", "campaign", "commission", "committee", "network", "organization", "organisation"]

        static let relayVerbs: Set<String> = ["described", "describes", "describing", "called", "calls", "noted", "notes", "noting", "reaffirming", "reaffirmed", "acknowledged", "warned", "urged", "pledged", "insisted", "declared", "labelled", "labeled", "branded", "dubbed", "termed", "cheered", "condemned", "praised", "hailed", "raised"]

        /// `Trump described … as "…"`, `described by X as "…"`: relayed words keep their speaker.
        mutating func relayed(_ idx: [Int], quoteAt position: Int) -> Attribution? {
            for (n, i) in idx.enumerated().reversed() where Context.relayVerbs.contains(tokens[i].lower) || tokens[i].lower == "described" {
                if n + 1 < idx.count, tokens[idx[n + 1]].lower == "by" {
                    var np: [Int] = []
                    for j in idx[(n + 2)...] {
                        if tokens[j].lower == "as" || np.count >= 9 { break }
                        if let l = np.last, commaBetween(l, j) { break }
                        np.append(j)
                    }
                    if !np.isEmpty, let a = resolve(np, cue: tokens[i].text + " by", at: position), a.speaker != nil { return a }
                    continue
                }
                let np = subject(endingBefore: n, idx)
                guard !np.isEmpty, np.contains(where: { recognized.mention(atToken: $0) != nil }) else { continue }
                if let a = resolve(np, cue: tokens[i].text, at: position), a.speaker != nil { return a }
            }
            return nil
        }

        func isVerb(_ i: Int) -> Bool {
            Vocabulary.reportingVerbs.contains(tokens[i].lower) || headlineVerbs.contains(tokens[i].lower)
        }

        /// `"…," X said`, `"…," said X`, `"…" X, role, said`.
        mutating func after(_ idx: [Int], quoteAt position: Int) -> Attribution? {
            guard let first = idx.first else { return nil }
            // `"…", according to X`
            if idx.count > 2, tokens[first].lower == "according", tokens[idx[1]].lower == "to" {
                let np = nounPhrase(forward: Array(idx[2...]))
                return np.isEmpty ? nil : resolve(np, cue: "according to", at: position)
            }
            if Vocabulary.speechTags.contains(tokens[first].lower) {
                var np = Array(idx.dropFirst())
                
                np = nounPhrase(forward: np)
                guard !np.isEmpty else { return nil }
                return resolve(np, cue: tokens[first].text, at: position)
            }
            // NP then verb, allowing an apposition between commas and adverbs.
            var k = 0
            var sawComma = false
            while k < idx.count, k < 30 {
                let i = idx[k]
                if Vocabulary.speechTags.contains(tokens[i].lower) || (k > 0 && tokens[i].lower == "said") { break }
                if k > 0, commaBetween(idx[k - 1], i) { sawComma = true }
                if !sawComma, k > 6 { return nil }
                k += 1
            }
            guard k < idx.count, k > 0, k < 30 else { return nil }
            var np: [Int] = []
            for (n, i) in idx[..<k].enumerated() {
                if n > 0, commaBetween(idx[n - 1], i) { break }
                np.append(i)
            }
            np = np.filter { !Vocabulary.adverbs.contains(tokens[$0].lower) }
            guard !np.isEmpty, np.count <= 7 else { return nil }
            let nameLike = np.allSatisfy { i in
                let t = tokens[i]
                return t.isCapitalized || Vocabulary.roleNouns.contains(t.lower) || Vocabulary.anonymousSources.contains(t.lower)
                    || ["the", "a", "an", "his", "her", "its", "their"].contains(t.lower) || Vocabulary.personPronouns.contains(t.lower)
                    || t.lower == "it" || EntityRecognizer.connectors.contains(t.lower) || t.text.contains("-") || t.text.first?.isNumber == true
            }
            guard nameLike else { return nil }
            return resolve(np, cue: cue(idx[k], idx), at: position)
        }

        func commaBetween(_ a: Int, _ b: Int) -> Bool {
            for p in tokens[a].end..<tokens[b].start where s[p] == "," || s[p] == ";" || s[p] == "(" || s[p] == ")" { return true }
            return false
        }

        /// Forward noun phrase after a verb: up to the first comma or non-name word.
        func nounPhrase(forward idx: [Int]) -> [Int] {
            var np: [Int] = []
            for (n, i) in idx.enumerated() {
                if n > 0, commaBetween(idx[n - 1], i) { break }
                let t = tokens[i]
                if n == 0 && (t.lower == "the" || t.lower == "a" || t.lower == "an") { np.append(i); continue }
                if t.isCapitalized || Vocabulary.roleNouns.contains(t.lower) || Vocabulary.personPronouns.contains(t.lower) || t.lower == "it" || t.lower.first?.isNumber == true || t.text.contains("-") {
                    np.append(i)
                    continue
                }
                if Vocabulary.anonymousSources.contains(t.lower) || EntityRecognizer.connectors.contains(t.lower) { np.append(i); continue }
                break
            }
            return np
        }

        /// The cue as printed: the verb, plus `reporters` / `in a statement`-style words.
        func cue(_ verb: Int, _ idx: [Int]) -> String {
            var words = [tokens[verb].text]
            if let pos = idx.firstIndex(of: verb) {
                for i in idx[(pos + 1)...].prefix(3) {
                    let t = tokens[i]
                    if commaBetween(idx[pos], i) { break }
                    if ["reporters", "journalists", "the", "a", "in", "on", "via", "an"].contains(t.lower) || (words.count > 1 && t.isCapitalized) || (words.count > 1 && ["statement", "email", "interview", "letter", "tweet", "post"].contains(t.lower)) {
                        words.append(t.text)
                    } else { break }
                }
            }
            while let last = words.last, ["the", "a", "in", "on", "via", "an"].contains(last.lowercased()) { words.removeLast() }
            return words.joined(separator: " ")
        }

        /// The nearest verb before the quotation with a usable subject.
        mutating func before(_ idx: [Int], quoteAt position: Int) -> Attribution? {
            // `according to X`
            for (n, i) in idx.enumerated().reversed() where tokens[i].lower == "according" && n + 2 < idx.count && tokens[idx[n + 1]].lower == "to" {
                let np = nounPhrase(forward: Array(idx[(n + 2)...]))
                if !np.isEmpty, let a = resolve(np, cue: "according to", at: position) { return a }
            }
            var n = idx.count - 1
            var firstVerbSeen = false
            var earliestVerb = idx.count
            var pronounFallback: Attribution?
            while n >= 0 {
                let i = idx[n]
                if isVerb(i) && !(n > 0 && ["to", "a", "the", "be", "been"].contains(tokens[idx[n - 1]].lower)) {
                    firstVerbSeen = true
                    earliestVerb = n
                    // `said X:` / `, said X, "…"` – a subject after the verb.
                    if Vocabulary.speechTags.contains(tokens[i].lower), n + 1 < idx.count, tokens[idx[n + 1]].isCapitalized,
                       n == 0 || commaBetween(idx[n - 1], i) {
                        let np = nounPhrase(forward: Array(idx[(n + 1)...]))
                        if !np.isEmpty, let a = resolve(np, cue: tokens[i].text, at: position), a.speaker != nil { return a }
                    }
                    let np = subject(endingBefore: n, idx)
                    if !np.isEmpty, let a = resolve(np, cue: cue(i, idx), at: position) {
                        let pronoun = np.count == 1 && (Vocabulary.personPronouns.contains(tokens[np[0]].lower) || tokens[np[0]].lower == "it")
                        if pronoun, a.speaker != nil, n > 0, pronounFallback == nil {
                            // `X said it viewed …`: the clause's named subject comes first.
                            pronounFallback = a
                        } else if a.speaker != nil || a.anonymous {
                            if let p = pronounFallback, a.anonymous { return p }
                            return a
                        }
                    }
                }
                n -= 1
            }
            if let p = pronounFallback { return p }
            if firstVerbSeen {
                // `X issued a statement …, saying "…"`: the sentence's subject, when it comes
                // before the first verb.
                let head = idx[..<earliestVerb]
                if let m = recognized.mentions.first(where: { mm in head.contains(where: { tokens[$0].start == mm.span.start }) && recognized.entities[mm.entity].type != .location }) {
                    let e = recognized.entities[m.entity]
                    return Attribution(speakerText: m.surface, cue: nil, speaker: e.name)
                }
                if let first = idx.first, Vocabulary.personPronouns.contains(tokens[first].lower),
                   let e = mostRecent(before: tokens[first].start, type: .person, pronoun: tokens[first].lower) {
                    return Attribution(speakerText: tokens[first].text, cue: nil, speaker: recognized.entities[e].name)
                }
            }
            return nil
        }

        /// Subject words before verb index `n` of `idx`: adverbs and a comma-delimited
        /// apposition (`Sen. Ben Sasse, R-Neb., called`) are skipped.
        func subject(endingBefore n: Int, _ idx: [Int]) -> [Int] {
            var k = n - 1
            while k >= 0, Vocabulary.adverbs.contains(tokens[idx[k]].lower) { k -= 1 }
            // `Biden on Friday said`: a time phrase between subject and verb.
            while k >= 1, Context.timeWords.contains(tokens[idx[k]].lower),
                  ["on", "last", "this", "in", "late", "early", "next"].contains(tokens[idx[k - 1]].lower) { k -= 2 }
            guard k >= 0 else { return [] }
            // An apposition between commas right before the verb.
            if commaBetween(idx[k], idx[k + 1]) {
                var m = k
                while m > 0, !commaBetween(idx[m - 1], idx[m]), k - m < 8 { m -= 1 }
                if m > 0, k - m < 8 { k = m - 1 } else { return [] }
                while k >= 0, Vocabulary.adverbs.contains(tokens[idx[k]].lower) { k -= 1 }
                guard k >= 0 else { return [] }
            }
            var np: [Int] = []
            var m = k
            while m >= 0 {
                let t = tokens[idx[m]]
                if m < k, commaBetween(idx[m], idx[m + 1]) { break }
                let ok = t.isCapitalized || Vocabulary.roleNouns.contains(t.lower) || Vocabulary.anonymousSources.contains(t.lower)
                    || Context.bodyNouns.contains(t.lower) || (m < k && Vocabulary.demonyms.contains(t.text))
                    || ["the", "a", "an", "his", "her", "its", "their", "this"].contains(t.lower) || (t.text.contains("-") && m < k)
                    || EntityRecognizer.connectors.contains(t.lower) && m < k
                    || Vocabulary.personPronouns.contains(t.lower) || t.lower == "it"
                if !ok { break }
                np.insert(idx[m], at: 0)
                if Vocabulary.personPronouns.contains(t.lower) || t.lower == "it" { break }
                if ["the", "a", "an", "his", "her", "its", "their", "this"].contains(t.lower) { break }
                if np.count >= 8 { break }
                m -= 1
            }
            return np
        }

        func surface(_ np: [Int]) -> String {
            String(scalars: s[tokens[np.first!].start..<tokens[np.last!].end])
        }

        /// Turns a noun phrase into a speaker.
        mutating func resolve(_ np: [Int], cue: String?, at position: Int) -> Attribution? {
            let text = surface(np)
            let words = np.map { tokens[$0].lower }
            // A named person or organisation in the phrase (the person when both: `White House
            // Press Secretary Stephanie Grisham`).
            let mentioned = np.compactMap { i in recognized.mention(atToken: i) }
            let people = mentioned.filter { recognized.entities[$0.entity].type == .person }
            let actors = mentioned.filter { recognized.entities[$0.entity].type == .organization }
            // `Kremlin aides`, `Israeli officials`: unnamed sources, whatever their employer.
            if people.isEmpty, let lastWord = words.last, lastWord.hasSuffix("s"), Vocabulary.anonymousSources.contains(lastWord),
               !tokens[np.last!].isCapitalized {
                return Attribution(speakerText: text, cue: cue, speaker: nil, anonymous: true)
            }
            if let m = people.last ?? actors.last {
                return Attribution(speakerText: text, cue: cue, speaker: recognized.entities[m.entity].name)
            }
            if words.count == 1, Vocabulary.personPronouns.contains(words[0]) {
                guard let e = mostRecent(before: min(position, tokens[np[0]].start), type: .person, pronoun: words[0]) else { return nil }
                return Attribution(speakerText: text, cue: cue, speaker: recognized.entities[e].name)
            }
            if words.count == 1, words[0] == "it" {
                guard let e = mostRecent(before: min(position, tokens[np[0]].start), type: .organization) else { return nil }
                return Attribution(speakerText: text, cue: cue, speaker: recognized.entities[e].name)
            }
            let head = words.last ?? ""
            let determiners: Set<String> = ["the", "a", "an", "his", "her", "its", "their", "this"]
            // `the company`, `the group`, `the agency`: the most recent organisation.
            if words.count == 2, words[0] == "the", ["company", "group", "agency", "ministry", "department", "firm", "organization", "organisation", "office", "coalition", "network", "union", "league", "party", "campaign", "commission", "government", "committee"].contains(head) {
                if let e = mostRecent(before: position, type: .organization) {
                    return Attribution(speakerText: text, cue: cue, speaker: recognized.entities[e].name)
                }
                return nil
            }
            // `the Kremlin aide`, `the Russian president`: the entity given that role.
            if let d = words.first, determiners.contains(d), words.count >= 2 {
                let description = words.dropFirst().joined(separator: " ")
                if let e = recognized.entities.lastIndex(where: { $0.type == .person && $0.roles.contains { $0.lowercased() == description || $0.lowercased().hasSuffix(" " + description) } }) {
                    return Attribution(speakerText: text, cue: cue, speaker: recognized.entities[e].name)
                }
            }
            // `Russia's foreign ministry`, `the French foreign ministry`: a government body.
            if ["ministry", "government", "embassy", "parliament", "army", "military", "cabinet", "presidency"].contains(head),
               np.contains(where: { Vocabulary.demonyms.contains(tokens[$0].text) || (tokens[$0].possessive && Places.country(tokens[$0].text) != nil) }) {
                let body = np.drop { determiners.contains(tokens[$0].lower) }
                let name = surface(Array(body))
                if !recognized.entities.contains(where: { $0.name == name }) {
                    recognized.entities.append(Entity(name: name, type: .organization, spans: [TextSpan(start: tokens[body.first!].start, end: tokens[body.last!].end)]))
                }
                return Attribution(speakerText: text, cue: cue, speaker: name)
            }
            if Vocabulary.anonymousSources.contains(head) || determiners.contains(words.first ?? "") || words.contains(where: { Vocabulary.anonymousSources.contains($0) }) {
                return Attribution(speakerText: text, cue: cue, speaker: nil, anonymous: Vocabulary.anonymousSources.contains(head))
            }
            // Capitalised words the recognizer left undecided: a person named by surname.
            let names = np.filter { tokens[$0].isCapitalized && !Vocabulary.titles.contains(tokens[$0].text) && !Vocabulary.nonNames.contains(tokens[$0].text) && !Vocabulary.demonyms.contains(tokens[$0].text) }
            if !names.isEmpty, names.count <= 4 {
                let name = names.map { tokens[$0].text }.joined(separator: " ")
                if Places.isLocation(name) {
                    // A place acting (`Moscow says`): the speaker is an entity of the article like
                    // any other, added when the recognizer had not listed it (a fuzz finding:
                    // `Moon Express` read as the place `Moon` and the verb `express`).
                    let place = Places.country(name) ?? name
                    if !recognized.entities.contains(where: { $0.name == place }) {
                        recognized.entities.append(Entity(name: place, type: .location,
                                                          spans: names.map { TextSpan(start: tokens[$0].start, end: tokens[$0].end) }))
                    }
                    return Attribution(speakerText: text, cue: cue, speaker: place)
                }
                let index = recognized.entities.count
                recognized.entities.append(Entity(name: name, type: .person, spans: names.map { TextSpan(start: tokens[$0].start, end: tokens[$0].end) }))
                recognized.mentions.append(EntityMention(tokens: names.first!..<(names.last! + 1), span: TextSpan(start: tokens[names.first!].start, end: tokens[names.last!].end), surface: name, entity: index))
                return Attribution(speakerText: text, cue: cue, speaker: name)
            }
            return nil
        }

        /// The most recent salient entity of `type`; for `he` / `she`, the most recent whose
        /// given name does not contradict the pronoun.
        func mostRecent(before position: Int, type: EntityType, pronoun: String? = nil) -> Int? {
            salient.filter { item in
                guard item.position < position, recognized.entities[item.entity].type == type else { return false }
                guard let pronoun, let gender = NameGender.pronoun(forFullName: recognized.entities[item.entity].name) else { return true }
                return gender == pronoun
            }
            .max { $0.position < $1.position }?.entity
        }

        let headlineVerbs: Set<String> = ["equates", "slams", "blasts", "likens", "vows", "urges", "warns", "says", "calls", "discuss", "discusses"]
    }
}
