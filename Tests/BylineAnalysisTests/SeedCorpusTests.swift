import Foundation
import Testing
@testable import BylineAnalysis

/// The parser against the human gold for the five seed pages and the sixteen-article
/// development set (../shared/eval). Titles, outlets and dates must match exactly; bodies
/// must be close by the scorer's own metric.
@Suite("Parser against the gold corpora")
struct SeedCorpusTests {
    @Test("the five seeds: title, outlet and published as in the gold; body close")
    func seeds() throws {
        let gold = try CorpusFixtures.load(gold: "seeds-gold.json",
                                           texts: CorpusFixtures.repositoryRoot.appendingPathComponent("seeds"))
        #expect(gold.count == 5)
        check(gold, minimumBodyF1: 0.98)
    }

    @Test("the sixteen development articles show no headline, outlet or date; body close")
    func developmentArticles() throws {
        let gold = try CorpusFixtures.load(gold: "articles-gold.json",
                                           texts: CorpusFixtures.sharedEval.appendingPathComponent("articles"))
        #expect(gold.count == 16)
        check(gold, minimumBodyF1: 0.95)
    }

    private func check(_ gold: [GoldArticle], minimumBodyF1: Double) {
        for article in gold {
            let document = ArticleParser.parse(text: article.text)
            #expect(document.title == article.title, "title of \(article.file)")
            #expect(document.outlet == article.outlet, "outlet of \(article.file)")
            #expect(document.published?.iso == article.published, "published of \(article.file)")
            let f1 = CorpusFixtures.bagOfWordsF1(predicted: document.body, gold: article.body)
            #expect(f1 >= minimumBodyF1, "body F1 of \(article.file) is \(f1)")
            #expect(document.language == "en")
        }
    }
}
