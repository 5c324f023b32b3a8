import Testing
@testable import BylineAnalysis

@Suite("Line splitting")
struct LineSplitterTests {
    @Test("LF, CR LF and lone CR all end lines; content is trimmed")
    func lineEnds() {
        let lines = LineSplitter.lines(of: ScalarText("  one \r\ntwo\rthree\n\n four\u{00A0}"))
        #expect(lines.map(\.text) == ["one", "two", "three", "", "four"])
        #expect(lines[3].isBlank)
    }

    @Test("spans count Unicode scalars, not characters or bytes")
    func scalarSpans() {
        // "é" written as e + combining acute is one Character but two scalars; the flag is
        // one Character of two scalars: the first line holds 4 Characters and 6 scalars.
        let text = "e\u{0301}🇺🇦 x\nsecond"
        let scalars = ScalarText(text)
        let lines = LineSplitter.lines(of: scalars)
        #expect(lines[0].span == TextSpan(start: 0, end: 6))
        #expect(lines[1].span == TextSpan(start: 7, end: 13))
        #expect(scalars.string(lines[1].span) == "second")
    }
}
