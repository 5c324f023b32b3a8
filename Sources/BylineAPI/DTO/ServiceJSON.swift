/// `{"status": "ok"}` and `{"status": "ready"}`.
struct StatusJSON: Encodable {
    let status: String

    enum CodingKeys: String, CodingKey {
        case status
    }
}

/// `GET /`: what this server is and where its resources are.
struct IndexJSON: Encodable {
    /// A struct rather than a dictionary: the links are fixed, and named in one place.
    struct Links: Encodable {
        let articles: String
        let stories: String
        let healthz: String
        let readyz: String
        let openapi: String

        enum CodingKeys: String, CodingKey {
            case articles, stories, healthz, readyz, openapi
        }
    }

    let name: String
    let version: String
    let links: Links

    enum CodingKeys: String, CodingKey {
        case name, version, links
    }
}
