import BylineStore

/// The article JSON of `GET /v1/articles/{id}`, for callers outside the server
/// (`byline analyze` prints exactly what the API would serve).
public enum ArticleRendering {
    public static func json(_ article: ArticleRecord) throws -> [UInt8] {
        try JSONBody.encode(ArticleJSON(article))
    }
}
