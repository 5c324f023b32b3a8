import BylineHTTP
import Foundation

/// JSON in and out of the API, configured in one place.
enum JSONBody {
    /// Members in declaration order (API.md's order), slashes unescaped; the same value
    /// always gives the same bytes, so the same ETag.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        try OrderedJSONEncoder().encode(value)
    }

    static func response(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        HTTPResponse.json(try encode(value), status: status)
    }
}
