/// One line of `POST /v1/articles/batch`'s answer for a line that was stored (a line that
/// was not gets a problem object with its `line` instead).
struct BatchResultJSON: Encodable {
    /// The line's number in the request body, from 1.
    let line: Int
    /// 201 for a new article, 200 for one already stored (as `POST /v1/articles` answers).
    let status: Int
    let id: String
    let location: String
}
