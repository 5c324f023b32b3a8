import BylineAnalysis
import BylineStore

/// A quote as API.md shapes it. `group_id` (the same words across outlets) is null until
/// quotes are grouped across articles.
struct QuoteJSON: Encodable, Equatable {
    struct Speaker: Encodable, Equatable {
        let id: String
        let name: String

        enum CodingKeys: String, CodingKey {
            case id, name
        }
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
        case id, text, speaker
        case speakerText = "speaker_text"
        case cue
        case articleID = "article_id"
        case span
        case groupID = "group_id"
        /// Members the quote resources add (`QuoteResourceJSON`).
        case outlet, variants
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeMembers(into: &container)
    }

    /// API.md's members, in its order.
    func encodeMembers(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(speakerText, forKey: .speakerText)
        try container.encode(cue, forKey: .cue)
        try container.encode(articleID, forKey: .articleID)
        try container.encode(span, forKey: .span)
        try container.encode(groupID, forKey: .groupID)
    }

    init(_ quote: QuoteRecord) {
        id = quote.id
        text = quote.text
        if let id = quote.speakerID, let name = quote.speaker {
            speaker = Speaker(id: id, name: name)
        } else {
            speaker = nil
        }
        speakerText = quote.speakerText
        cue = quote.cue
        articleID = quote.articleID
        span = SpanJSON(start: quote.span.start, end: quote.span.end)
        groupID = quote.groupID
    }

    /// The `index`-th quote of an article; its speaker's ID is that of the article's entity
    /// of that name (a person when the article lists none).
    init(_ quote: Quote, id: String, groupID: String, articleID: String, entities: [Entity]) {
        self.id = id
        text = quote.text
        speaker = quote.speaker.map { name in
            let type = entities.first { $0.name == name }?.type ?? .person
            return Speaker(id: EntityIdentifier.id(name: name, type: type), name: name)
        }
        speakerText = quote.speakerText
        cue = quote.cue
        self.articleID = articleID
        span = SpanJSON(start: quote.span.start, end: quote.span.end)
        self.groupID = groupID
    }
}

/// An entity as API.md shapes it inside an article, with its aliases and roles there.
struct EntityJSON: Encodable, Equatable {
    let id: String
    let name: String
    let type: String
    let aliases: [String]
    let roles: [String]
    let spans: [SpanJSON]

    enum CodingKeys: String, CodingKey {
        case id, name, type, aliases, roles, spans
    }

    init(_ entity: Entity) {
        id = EntityIdentifier.id(name: entity.name, type: entity.type)
        name = entity.name
        type = entity.type.rawValue
        aliases = entity.aliases
        roles = entity.roles
        spans = entity.spans.map { SpanJSON(start: $0.start, end: $0.end) }
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

/// A date the story refers to, resolved against its publication date (an extra member of
/// the article: story grouping uses it).
struct DateJSON: Encodable, Equatable {
    let text: String
    let span: SpanJSON
    let date: String

    init(_ mention: DateMention) {
        text = mention.text
        span = SpanJSON(start: mention.span.start, end: mention.span.end)
        date = mention.date.iso
    }

    enum CodingKeys: String, CodingKey {
        case text, span, date
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(span, forKey: .span)
        try container.encode(date, forKey: .date)
    }
}
