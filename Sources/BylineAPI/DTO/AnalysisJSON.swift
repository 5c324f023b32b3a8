/// A quote as API.md shapes it. No quote is produced yet — the analyzer arrives in a later
/// issue — so articles carry `"quotes": []`; the type fixes the member's element shape.
struct QuoteJSON: Encodable, Equatable {
    struct Speaker: Encodable, Equatable {
        let id: String
        let name: String
    }

    let id: String
    let text: String
    let speaker: Speaker?
    let speakerText: String?
    let cue: String?
    let articleID: String
    let span: SpanJSON
    let groupID: String?

    enum CodingKeys: String, CodingKey {
        case id, text, speaker, cue, span
        case speakerText = "speaker_text"
        case articleID = "article_id"
        case groupID = "group_id"
    }
}

/// An entity mention list as API.md shapes it inside an article; empty until the analyzer.
struct EntityJSON: Encodable, Equatable {
    let id: String
    let name: String
    let type: String
    let spans: [SpanJSON]

    enum CodingKeys: String, CodingKey {
        case id, name, type, spans
    }
}

/// `{"start": s, "end": e}` in Unicode scalars.
struct SpanJSON: Encodable, Equatable {
    let start: Int
    let end: Int

    enum CodingKeys: String, CodingKey {
        case start, end
    }
}
