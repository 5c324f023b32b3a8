import Foundation
import Testing
@testable import BylineAnalysis

/// The analyzer over the five seeds and the sixteen news articles, scored the way
/// `../shared/eval/score.py` scores quotes, attribution and entities (FORMAT.md), with the
/// issue's targets as floors.
struct AnalyzerCorpusTests {
    struct GoldQuote { let start: Int; let end: Int; let speaker: String? }
    struct GoldEntity { let name: String; let type: String; let aliases: [String] }
    struct GoldDoc { let file: String; let quotes: [GoldQuote]; let entities: [GoldEntity] }

    struct Counts {
        var quoteRight = 0, quotePredicted = 0, quoteFound = 0, quoteGold = 0
        var attrRight = 0, attrPredicted = 0, attrFound = 0, attrGold = 0
        var entRight = 0, entPredicted = 0, entGold = 0

        static func f1(_ right: Int, _ predicted: Int, _ found: Int, _ gold: Int) -> Double {
            let p = predicted == 0 ? 0 : Double(right) / Double(predicted)
            let r = gold == 0 ? 0 : Double(found) / Double(gold)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        var quotes: Double { Counts.f1(quoteRight, quotePredicted, quoteFound, quoteGold) }
        var attribution: Double { Counts.f1(attrRight, attrPredicted, attrFound, attrGold) }
        var entities: Double { Counts.f1(entRight, entPredicted, entRight, entGold) }
    }

    static func fold(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        for c in folded {
            if c == "-" || c == "‐" || c == "–" || c == "—" { out.append(" ") } else if c.isLetter || c.isNumber || c.isWhitespace { out.append(c) }
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    static func namesMatch(_ predicted: String, _ gold: String, aliases: [String]) -> Bool {
        let p = fold(predicted)
        if p == fold(gold) || aliases.contains(where: { fold($0) == p }) { return true }
        return p.split(separator: " ").last == fold(gold).split(separator: " ").last && !p.isEmpty
    }

    static func load(_ goldName: String) throws -> [GoldDoc] {
        let data = try Data(contentsOf: CorpusFixtures.sharedEval.appendingPathComponent(goldName))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let articles = try #require(root["articles"] as? [[String: Any]])
        return articles.map { a in
            GoldDoc(file: a["file"] as! String,
                    quotes: (a["quotes"] as! [[String: Any]]).map { GoldQuote(start: $0["start"] as! Int, end: $0["end"] as! Int, speaker: $0["speaker"] as? String) },
                    entities: (a["entities"] as! [[String: Any]]).map { GoldEntity(name: $0["name"] as! String, type: $0["type"] as! String, aliases: $0["aliases"] as? [String] ?? []) })
        }
    }

    static func score(gold goldName: String, texts: URL) throws -> Counts {
        let docs = try load(goldName)
        var c = Counts()
        for doc in docs {
            let text = try String(contentsOf: texts.appendingPathComponent(doc.file), encoding: .utf8)
            let analysis = ArticleAnalyzer.analyze(text: text)
            let predicted = analysis.quotes
            let allAliases = doc.entities.reduce(into: [String: [String]]()) { $0[$1.name] = $1.aliases }
            func overlap(_ a: (Int, Int), _ b: (Int, Int)) -> Int { max(0, min(a.1, b.1) - max(a.0, b.0)) }
            // Quotes and attribution.
            for g in doc.quotes {
                c.quoteGold += 1
                let covered = predicted.reduce(0) { $0 + overlap(($1.span.start, $1.span.end), (g.start, g.end)) }
                let found = covered * 2 >= g.end - g.start
                if found { c.quoteFound += 1 }
                guard let speaker = g.speaker else { continue }
                c.attrGold += 1
                if found, let best = predicted.max(by: { overlap(($0.span.start, $0.span.end), (g.start, g.end)) < overlap(($1.span.start, $1.span.end), (g.start, g.end)) }),
                   let said = best.speaker, namesMatch(said, speaker, aliases: allAliases[speaker] ?? []) {
                    c.attrFound += 1
                }
            }
            for q in predicted {
                c.quotePredicted += 1
                let inside = doc.quotes.reduce(0) { $0 + overlap((q.span.start, q.span.end), ($1.start, $1.end)) }
                let right = inside * 2 >= q.span.length
                if right { c.quoteRight += 1 }
                guard let said = q.speaker, !said.isEmpty else { continue }
                c.attrPredicted += 1
                if right, let g = doc.quotes.max(by: { overlap((q.span.start, q.span.end), ($0.start, $0.end)) < overlap((q.span.start, q.span.end), ($1.start, $1.end)) }),
                   let speaker = g.speaker, namesMatch(said, speaker, aliases: allAliases[speaker] ?? []) {
                    c.attrRight += 1
                }
            }
            // Entities: full names and aliases first, then last words.
            c.entGold += doc.entities.count
            c.entPredicted += analysis.entities.count
            var taken = Set<Int>()
            var pending: [Entity] = []
            for e in analysis.entities {
                if let g = doc.entities.indices.first(where: { !taken.contains($0) && doc.entities[$0].type == e.type.rawValue
                    && ([doc.entities[$0].name] + doc.entities[$0].aliases).contains { fold($0) == fold(e.name) } }) {
                    taken.insert(g)
                    c.entRight += 1
                } else { pending.append(e) }
            }
            for e in pending {
                if let g = doc.entities.indices.first(where: { !taken.contains($0) && doc.entities[$0].type == e.type.rawValue
                    && namesMatch(e.name, doc.entities[$0].name, aliases: doc.entities[$0].aliases) }) {
                    taken.insert(g)
                    c.entRight += 1
                }
            }
        }
        return c
    }

    static let shared = CorpusFixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    @Test func seedsReachTheIssueTargets() throws {
        let c = try Self.score(gold: "seeds-gold.json", texts: Self.shared.appendingPathComponent("seeds"))
        #expect(c.quoteGold == 36)
        #expect(c.quotes >= 0.97, "quotes F1 \(c.quotes)")
        #expect(c.attribution >= 0.93, "attribution F1 \(c.attribution)")
        #expect(c.entities >= 0.90, "entities F1 \(c.entities)")
    }

    @Test func newsArticlesReachTheIssueTargets() throws {
        let c = try Self.score(gold: "articles-gold.json", texts: Self.shared.appendingPathComponent("eval/articles"))
        #expect(c.quoteGold == 134)
        #expect(c.quotes >= 0.95, "quotes F1 \(c.quotes)")
        #expect(c.attribution >= 0.88, "attribution F1 \(c.attribution)")
        #expect(c.entities >= 0.85, "entities F1 \(c.entities)")
    }

    @Test func everyQuoteSpanSlicesItsTextAndLiesInTheText() throws {
        for dir in ["seeds", "eval/articles"] {
            let url = Self.shared.appendingPathComponent(dir)
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path) where file.hasSuffix(".txt") {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                let scalars = Array(text.unicodeScalars)
                let analysis = ArticleAnalyzer.analyze(text: text)
                for q in analysis.quotes {
                    #expect(q.span.end <= scalars.count)
                    #expect(String(String.UnicodeScalarView(scalars[q.span.start..<q.span.end])) == q.text)
                    #expect(q.speaker.map { !["he", "she", "it", "they"].contains($0.lowercased()) } ?? true)
                }
                for e in analysis.entities { #expect(!e.spans.isEmpty, "\(e.name) has mentions") }
            }
        }
    }
}
