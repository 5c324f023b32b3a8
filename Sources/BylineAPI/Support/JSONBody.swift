import BylineHTTP
import Foundation

/// JSON in and out of the API, configured in one place.
enum JSONBody {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        // Sorted keys: Foundation's JSONEncoder on Linux emits object members in hash order,
        // which changes from one encoding to the next — and so would the body's ETag.
        // Without escaped slashes, URLs in bodies read as written (`/v1/articles`).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func response(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        HTTPResponse.json(try encode(value), status: status)
    }
}
