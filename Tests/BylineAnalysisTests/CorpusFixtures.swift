import Foundation

/// Gold annotations (../shared/eval, see FORMAT.md) and the article files they describe.
/// The gold lives beside the repository — in CI too — so it is found from this file's path;
/// a missing file is a test failure, never a skip.
struct GoldArticle {
    let file: String
    let text: String
    let title: String?
    let outlet: String?
    let published: String?
    /// The gold body, sliced from the text by its Unicode scalar span.
    let body: String
}

enum CorpusFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let sharedEval = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/eval")

    static func load(gold goldName: String, texts textsDirectory: URL) throws -> [GoldArticle] {
        let goldURL = sharedEval.appendingPathComponent(goldName)
        let data = try Data(contentsOf: goldURL)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let articles = root["articles"] as? [[String: Any]] else {
            throw FixtureError.malformed(goldURL.path)
        }
        return try articles.map { entry in
            guard let file = entry["file"] as? String,
                  let span = entry["body"] as? [String: Int],
                  let start = span["start"], let end = span["end"] else {
                throw FixtureError.malformed(goldURL.path)
            }
            let text = try String(contentsOf: textsDirectory.appendingPathComponent(file), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            var body = String.UnicodeScalarView()
            body.append(contentsOf: scalars[start..<end])
            return GoldArticle(file: file, text: text,
                               title: entry["title"] as? String,
                               outlet: entry["outlet"] as? String,
                               published: entry["published"] as? String,
                               body: String(body))
        }
    }

    enum FixtureError: Error { case malformed(String) }

    /// The scorer's body metric: bag-of-words F1 over lower-cased runs of word characters.
    static func bagOfWordsF1(predicted: String, gold: String) -> Double {
        func bag(_ text: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            var word = ""
            for character in text.lowercased() + " " {
                if character.isLetter || character.isNumber || character == "_" {
                    word.append(character)
                } else if !word.isEmpty {
                    counts[word, default: 0] += 1
                    word = ""
                }
            }
            return counts
        }
        let p = bag(predicted), g = bag(gold)
        let overlap = p.reduce(0) { $0 + min($1.value, g[$1.key] ?? 0) }
        let pTotal = p.values.reduce(0, +), gTotal = g.values.reduce(0, +)
        if pTotal == 0 && gTotal == 0 { return 1 }
        guard pTotal > 0, gTotal > 0, overlap > 0 else { return 0 }
        let precision = Double(overlap) / Double(pTotal), recall = Double(overlap) / Double(gTotal)
        return 2 * precision * recall / (precision + recall)
    }
}
