import BylineAnalysis

/// What every analysis must satisfy whatever its input, checked by the analyzer, HTML and
/// ingest-body fuzz targets. A broken invariant traps, so libFuzzer saves the input.
public enum AnalysisInvariants {
    /// Every span lies inside `text` (counted in Unicode scalars, as API.md's spans are);
    /// the body span slices out exactly the body and a quote's span its text; quotes,
    /// entity mentions and dates are non-empty; a resolved speaker is one of the article's
    /// entities.
    public static func check(_ analysis: ArticleAnalysis, text: String) {
        let scalars = Array(text.unicodeScalars)
        func inside(_ span: TextSpan, _ what: @autoclosure () -> String) {
            precondition(span.end <= scalars.count, "\(what()) span \(span) runs past the text (\(scalars.count) scalars)")
        }
        func slice(_ span: TextSpan) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[span.start..<span.end])
            return String(out)
        }

        let document = analysis.document
        if let body = document.bodySpan {
            inside(body, "body")
            precondition(slice(body) == document.body, "bodySpan does not slice out the body")
        } else {
            precondition(document.body.isEmpty, "a body without a bodySpan")
        }
        precondition(document.wordCount >= 0, "negative word count")
        precondition(!document.language.isEmpty, "empty language tag")

        let names = Set(analysis.entities.map(\.name))
        for quote in analysis.quotes {
            inside(quote.span, "quote")
            precondition(!quote.span.isEmpty, "empty quote span")
            precondition(slice(quote.span) == quote.text, "quote text is not what its span holds")
            if let speaker = quote.speaker {
                precondition(names.contains(speaker), "speaker \(speaker) is not an entity of the article")
            }
        }
        for entity in analysis.entities {
            precondition(!entity.name.isEmpty, "entity without a name")
            for span in entity.spans {
                inside(span, "entity \(entity.name)")
                precondition(!span.isEmpty, "empty mention of \(entity.name)")
            }
        }
        for date in analysis.dates {
            inside(date.span, "date")
            precondition(!date.span.isEmpty, "empty date span")
        }
    }
}
