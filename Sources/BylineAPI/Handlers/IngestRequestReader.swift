import BylineAnalysis
import BylineHTTP
import BylineStore
import Foundation

/// Reads `POST /v1/articles` into an `ArticleInput`, or says precisely why it cannot:
/// 415 for a media type it does not take, 400 for a body that cannot be read (not UTF-8,
/// not JSON), 422 for one that can be read but not used (no text, a bad hint). Public for
/// the ingest-body fuzz target (Sources/BylineFuzzIngestBody).
public enum IngestRequestReader {
    static let storedContentType = "text/plain; charset=utf-8"
    static let storedHTMLContentType = "text/html; charset=utf-8"

    public static func input(from request: HTTPRequest) throws -> ArticleInput {
        guard let header = request.headers["Content-Type"] else { throw APIError.missingContentType }
        guard let mediaType = MediaType(header) else { throw APIError.unsupportedMediaType(header) }
        switch mediaType.essence {
        case "text/plain":
            guard mediaType.isUTF8Compatible else { throw APIError.unsupportedMediaType(header) }
            return ArticleInput(rawText: try articleText(utf8(request.body)), contentType: storedContentType)
        case "text/html":
            return ArticleInput(rawText: try articleText(try html(request.body, mediaType: mediaType, header: header)),
                                contentType: storedHTMLContentType)
        case "application/json":
            guard mediaType.isUTF8Compatible else { throw APIError.unsupportedMediaType(header) }
            return try jsonInput(request.body)
        default:
            throw APIError.unsupportedMediaType(header)
        }
    }

    /// A page is decoded by the charset its Content-Type names (UTF-8, or Latin-1 and its
    /// Windows superset, read as Latin-1), else by the one the page itself declares.
    private static func html(_ bytes: [UInt8], mediaType: MediaType, header: String) throws -> String {
        if !header.lowercased().contains("charset") { return HTMLArticleExtractor.decodePage(bytes) }
        if mediaType.isUTF8Compatible { return try utf8(bytes) }
        let charset = header.lowercased()
        guard charset.contains("iso-8859-1") || charset.contains("latin1") || charset.contains("windows-1252") else {
            throw APIError.unsupportedMediaType(header)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return text
    }

    private static func utf8(_ bytes: [UInt8]) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError.malformedBody(reason: "The body is not valid UTF-8.")
        }
        return text
    }

    private static func articleText(_ text: String) throws -> String {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw APIError.unprocessable(reason: "The article has no text.")
        }
        return text
    }

    static func jsonInput(_ body: [UInt8]) throws -> ArticleInput {
        _ = try utf8(body)
        let request: IngestRequestJSON
        do {
            request = try JSONDecoder().decode(IngestRequestJSON.self, from: Data(body))
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw APIError.malformedBody(reason: "The body is not valid JSON.")
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError.unprocessable(reason: context.codingPath.isEmpty
                ? "The body must be a JSON object."
                : "Member `\(context.codingPath.map(\.stringValue).joined(separator: "."))` must be a string.")
        } catch {
            throw APIError.unprocessable(reason: "The body is not an article request: expected {\"text\": \"…\"} with optional string hints.")
        }

        switch (request.text, request.html) {
        case (.some, .some):
            throw APIError.unprocessable(reason: "Send either `text` or `html`, not both.")
        case (nil, .some(let html)):
            return ArticleInput(rawText: try articleText(html), contentType: storedHTMLContentType,
                                hints: try hints(request))
        case (nil, nil):
            throw APIError.unprocessable(reason: "The body needs a `text` member holding the article.")
        case (.some(let text), nil):
            return ArticleInput(rawText: try articleText(text), contentType: storedContentType,
                                hints: try hints(request))
        }
    }

    private static func hints(_ request: IngestRequestJSON) throws -> ArticleHints {
        var hints = ArticleHints()
        if let title = request.title {
            hints.title = try nonEmpty(title, member: "title")
        }
        if let outlet = request.outlet {
            hints.outlet = try nonEmpty(outlet, member: "outlet")
        }
        if let published = request.published {
            guard let date = CalendarDate(iso: published) else {
                throw APIError.unprocessable(reason: "Member `published` must be a date as YYYY-MM-DD, got \"\(published)\".")
            }
            hints.published = date
        }
        if let url = request.url {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", parsed.host?.isEmpty == false else {
                throw APIError.unprocessable(reason: "Member `url` must be an absolute http or https URL.")
            }
            hints.url = url
        }
        return hints
    }

    private static func nonEmpty(_ value: String, member: String) throws -> String {
        let collapsed = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !collapsed.isEmpty else {
            throw APIError.unprocessable(reason: "Member `\(member)` must not be empty.")
        }
        return collapsed
    }
}
