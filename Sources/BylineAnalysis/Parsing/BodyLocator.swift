/// Finds where the story runs: from its first sentence to the end of its last.
///
/// The story opens with the first paragraph of prose that another paragraph of prose
/// follows. A lone sentence above it — a standfirst followed by a repeated headline or a
/// rule, a caption followed by its credit — is page furniture. The story ends at the last
/// paragraph before the first trailer line (`Read More`, `SOURCE: …`, `Adapted from …`);
/// lines inside that range stay, as a reader sees them (a `Read more: …` link inside the
/// story is part of it).
enum BodyLocator {
    struct Location: Equatable {
        /// Indices into the classified lines of the story's first and last lines.
        let firstLine: Int
        let lastLine: Int
    }

    static func locate(in lines: [ClassifiedLine]) -> Location? {
        guard let first = firstLine(in: lines) else { return nil }
        let boundary = lines[(first + 1)...].firstIndex { $0.kind == .trailer } ?? lines.endIndex
        let last = lines[first..<boundary].lastIndex { storyKinds.contains($0.kind) } ?? first
        return Location(firstLine: first, lastLine: last)
    }

    private static func firstLine(in lines: [ClassifiedLine]) -> Int? {
        let opening = lines.indices.first { index in
            guard lines[index].kind == .prose else { return false }
            guard let next = LineClassifier.nextNonBlank(after: index, in: lines) else { return false }
            return lines[next].kind == .prose
        }
        // A one-paragraph story has no second paragraph: take its only prose.
        return opening ?? lines.indices.first { lines[$0].kind == .prose }
    }

    /// Kinds that may end a story; rules, credits and metadata after it are not part of it.
    private static let storyKinds: Set<LineKind> = [.prose, .heading, .caption]
}
