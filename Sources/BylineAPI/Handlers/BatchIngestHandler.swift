import BylineHTTP
import BylineStore

/// `POST /v1/articles/batch`: one article request per NDJSON line (each as the JSON body of
/// `POST /v1/articles`), answered in NDJSON, one line per input line and in order, streamed
/// as each is stored. A bad line gets its problem and the next lines go on. Each result is
/// written only after its article's transaction committed, so a client that drops the
/// connection keeps every article it was told about; the lines after the drop are not
/// stored. The request body is read whole first (up to `max_body_bytes`).
struct BatchIngestHandler: Sendable {
    let store: ArticleStore

    static let mediaType = "application/x-ndjson"
    static let path = "/v1/articles/batch"

    func create(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let header = request.headers["Content-Type"] else { throw APIError.missingContentType }
        guard let mediaType = MediaType(header), mediaType.essence == Self.mediaType, mediaType.isUTF8Compatible else {
            throw APIError.unsupportedBatchMediaType(header)
        }
        let lines = Self.lines(of: request.body)
        let store = self.store
        return HTTPResponse.streaming(headers: ["Content-Type": Self.mediaType], ResponseBodyStream { writer in
            for (number, line) in lines {
                var result = Self.result(ofLine: number, line, store: store)
                result.append(0x0A)
                guard writer.write(result) else { return }  // the client is gone: store no more
            }
        })
    }

    /// The non-blank lines of an NDJSON body with their numbers (from 1); CR LF ends a line too.
    static func lines(of body: [UInt8]) -> [(Int, ArraySlice<UInt8>)] {
        var lines: [(Int, ArraySlice<UInt8>)] = []
        var number = 0
        for var line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            lines.append((number, line))
        }
        return lines
    }

    /// The answer line for one input line: its result, or its problem with the line number.
    static func result(ofLine number: Int, _ line: ArraySlice<UInt8>, store: ArticleStore) -> [UInt8] {
        do {
            let input = try IngestRequestReader.jsonInput(Array(line))
            let (article, created) = try StoreErrors.translated { try store.ingest(input) }
            return try JSONBody.encode(BatchResultJSON(
                line: number, status: created ? 201 : 200, id: article.id,
                location: ArticleHandlers.location(of: article.id)))
        } catch {
            let problem = ProblemMapper.response(for: error, instance: "\(path)#line=\(number)").body
            // The problem object, with the line number first.
            return Array("{\"line\":\(number),".utf8) + problem.dropFirst()
        }
    }
}
