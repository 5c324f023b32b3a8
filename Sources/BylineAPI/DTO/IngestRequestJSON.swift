/// The JSON form of `POST /v1/articles`: `{"text": …}` or `{"html": …}`, plus hints that
/// override what extraction finds. Unknown members are ignored, for forward compatibility.
struct IngestRequestJSON: Decodable {
    let text: String?
    let html: String?
    let url: String?
    let outlet: String?
    let published: String?
    let title: String?

    enum CodingKeys: String, CodingKey {
        case text, html, url, outlet, published, title
    }
}
