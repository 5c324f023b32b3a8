import BylineAnalysis
import BylineConcurrency

/// Event signatures as sparse vectors over interned term numbers, for comparing an arriving
/// article with its story candidates.
///
/// Every candidate in the event-day window is compared with each arrival; decoding its
/// stored signature (hundreds of `term weight` lines) and looking up hundreds of string
/// keys per pair measured as most of an ingest at corpus scale. Here each stored article's
/// vector is decoded once and kept (a signature never changes, and a deleted article's
/// sequence is never reused, so an entry never goes stale), and a comparison is a merge of
/// two sorted integer arrays. Bounded: past `capacity` vectors the cache starts over, and
/// entries are decoded again on demand.
final class SignatureVectors: Sendable {
    /// A signature's terms as ascending term numbers with their weights, and its norm.
    struct Vector: Sendable {
        let terms: [Int32]
        let weights: [Double]
        let norm: Double

        /// The cosine similarity `EventSignature.similarity` computes, by a merge.
        func similarity(to other: Vector) -> Double {
            var dot = 0.0
            var i = 0, j = 0
            while i < terms.count && j < other.terms.count {
                let a = terms[i], b = other.terms[j]
                if a == b {
                    dot += weights[i] * other.weights[j]
                    i += 1
                    j += 1
                } else if a < b {
                    i += 1
                } else {
                    j += 1
                }
            }
            let norms = norm * other.norm
            return norms > 0 ? dot / norms : 0
        }
    }

    private struct State {
        var termNumbers: [String: Int32] = [:]
        var vectors: [Int64: Vector] = [:]
    }

    private let state = Locked(State())
    let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// Past this many distinct terms the numbering starts over (with the vectors): memory
    /// stays bounded on an open vocabulary.
    static let maximumTerms = 2_000_000

    /// The vector of an arriving article's `signature`, with its terms numbered (new terms
    /// get new numbers). Ask for it before its candidates' vectors: a numbering that starts
    /// over does so here, never between an arrival and its candidates.
    func vector(of signature: EventSignature) -> Vector {
        state.withLock { state in
            if state.termNumbers.count > Self.maximumTerms {
                state.termNumbers.removeAll()
                state.vectors.removeAll()
            }
            return Self.vector(of: signature, numbering: &state.termNumbers)
        }
    }

    /// Drops every vector: after a rolled-back write, whose sequences SQLite may hand out
    /// again to other articles.
    func forgetAll() {
        state.withLock { $0.vectors.removeAll() }
    }

    /// The vector of the stored article `sequence`, decoded from `encodedTerms` the first
    /// time it is asked for (`encodedTerms` is called only then: reading a stored signature
    /// is most of the cost of a miss).
    func vector(sequence: Int64, encodedTerms: () throws -> String) rethrows -> Vector {
        if let cached = state.withLock({ $0.vectors[sequence] }) { return cached }
        let signature = EventSignature(encodedTerms: try encodedTerms(), eventDay: nil)
        return state.withLock { state in
            let vector = Self.vector(of: signature, numbering: &state.termNumbers)
            if state.vectors.count >= capacity { state.vectors.removeAll(keepingCapacity: true) }
            state.vectors[sequence] = vector
            return vector
        }
    }

    private static func vector(of signature: EventSignature, numbering: inout [String: Int32]) -> Vector {
        var pairs: [(Int32, Double)] = []
        pairs.reserveCapacity(signature.terms.count)
        var squares = 0.0
        for (term, weight) in signature.terms {
            let number: Int32
            if let known = numbering[term] {
                number = known
            } else {
                number = Int32(truncatingIfNeeded: numbering.count)
                numbering[term] = number
            }
            pairs.append((number, weight))
            squares += weight * weight
        }
        pairs.sort { $0.0 < $1.0 }
        return Vector(terms: pairs.map(\.0), weights: pairs.map(\.1), norm: squares.squareRoot())
    }
}
