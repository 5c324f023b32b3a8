/// The publisher, only where the text names it: a `(Name)` opening the story, else a
/// `SOURCE: Name` line. Photo and agency credits (`| Via Reuters`, `(AP)`, `Adapted from
/// reporting by …`) name who supplied material, not who published the page, and are ignored.
enum OutletFinder {
    static func outlet(in lines: [ClassifiedLine], storyStartsAt firstStoryLine: Int?) -> String? {
        if let first = firstStoryLine, let dateline = OpeningDateline.parse(lines[first].content) {
            return dateline.outlet
        }
        for line in lines where line.kind == .trailer {
            if let name = SourceCredit.outlet(in: line.content) { return name }
        }
        return nil
    }
}
