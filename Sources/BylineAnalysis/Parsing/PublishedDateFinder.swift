/// The publication date, from date lines above the story (and a date opening the story's
/// own first line, as in ` date 2025-06-15 (Outlet) Story …`). Dates inside captions and
/// sentences are not publication dates, so only whole date lines and marked dates count.
enum PublishedDateFinder {
    static func published(in lines: [ClassifiedLine], storyStartsAt firstStoryLine: Int?) -> CalendarDate? {
        let end = firstStoryLine.map { $0 + 1 } ?? min(lines.count, linesSearchedWithoutStory)
        let prefixes = lines[..<end].compactMap(\.datePrefix)
        // An explicit publication marker beats a bare date line, which beats an update time.
        for kind in [DatePrefix.Kind.published, .bare, .updated] {
            if let found = prefixes.first(where: { $0.kind == kind }) { return found.date }
        }
        return nil
    }

    /// With no story found, how far from the top a date line may be and still be "the top".
    static let linesSearchedWithoutStory = 12
}
