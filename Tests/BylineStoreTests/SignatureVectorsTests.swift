import BylineAnalysis
import Foundation
import Testing
@testable import BylineStore

/// The cached vectors must decide exactly what `EventSignature` decides.
@Suite("Signature vectors")
struct SignatureVectorsTests {
    static func signatures() throws -> [EventSignature] {
        let texts = try StoryGroupingTests.texts(StoryGroupingTests.repository.appendingPathComponent("seeds"))
            + (try StoryGroupingTests.texts(StoryGroupingTests.shared.appendingPathComponent("eval/articles")))
        return texts.map { EventSignature.make(analysis: ArticleAnalyzer.analyze(text: $0.text)) }
    }

    @Test func similarityMatchesTheSignaturesOwn() throws {
        let signatures = try Self.signatures()
        let vectors = SignatureVectors()
        var checked = 0
        for (i, a) in signatures.enumerated() {
            let va = vectors.vector(of: a)
            for (j, b) in signatures.enumerated() where j != i {
                // Stored the way the store stores it, and decoded from that.
                let vb = vectors.vector(sequence: Int64(j), encodedTerms: { b.encodedTerms })
                let expected = a.similarity(to: b)
                #expect(abs(va.similarity(to: vb) - expected) < 1e-9)
                #expect((va.similarity(to: vb) >= EventSignature.sameEventSimilarity)
                        == (expected >= EventSignature.sameEventSimilarity))
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func aCacheThatStartsOverGivesTheSameVectors() throws {
        let signatures = try Self.signatures()
        let small = SignatureVectors(capacity: 3)
        let large = SignatureVectors()
        let probe = signatures[0]
        for (index, signature) in signatures.enumerated() {
            let fromSmall = small.vector(of: probe).similarity(to: small.vector(sequence: Int64(index), encodedTerms: { signature.encodedTerms }))
            let fromLarge = large.vector(of: probe).similarity(to: large.vector(sequence: Int64(index), encodedTerms: { signature.encodedTerms }))
            #expect(abs(fromSmall - fromLarge) < 1e-12)
        }
    }
}
