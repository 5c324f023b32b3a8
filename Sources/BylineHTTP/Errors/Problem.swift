/// An RFC 9457 problem: what every error response of the server carries.
public struct Problem: Error, Sendable, Hashable {
    public var status: HTTPStatus
    /// A short slug naming the problem type; the `type` member is `problemTypeBase + slug`.
    public var slug: String
    public var title: String
    public var detail: String
    /// Headers the status requires (`Allow` on 405, `Retry-After` on 429/503, …).
    public var headers: HTTPHeaders

    public init(status: HTTPStatus, slug: String? = nil, title: String? = nil, detail: String,
                headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.slug = slug ?? Problem.defaultSlug(status.reason)
        self.title = title ?? status.reason
        self.detail = detail
        self.headers = headers
    }

    public static let typeBase = "https://byline.dev/problems/"

    static func defaultSlug(_ reason: String) -> String {
        String(reason.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}

/// Errors that know which problem they are. Layers above HTTP (the API) define typed enums
/// conforming to it; `ProblemMapper` is the one place that turns any error into a response.
public protocol ProblemConvertible: Error {
    var problem: Problem { get }
}

extension Problem: ProblemConvertible {
    public var problem: Problem { self }
}

/// The protocol-level errors the HTTP layer itself raises.
public enum HTTPError: ProblemConvertible, Sendable, Hashable {
    case notFound(path: String)
    case methodNotAllowed(allowed: [HTTPMethod])
    case malformed(HTTPParseError)
    case requestTimeout
    case expectationFailed(String)
    case serviceUnavailable(String)
    case badRequest(String)

    public var problem: Problem {
        switch self {
        case .notFound(let path):
            Problem(status: .notFound, detail: "No resource at \(path).")
        case .methodNotAllowed(let allowed):
            Problem(status: .methodNotAllowed,
                    detail: "This resource allows \(allowed.map(\.description).joined(separator: ", ")).",
                    headers: ["Allow": allowed.map(\.description).joined(separator: ", ")])
        case .malformed(let error):
            Problem(status: error.status, detail: error.detail)
        case .requestTimeout:
            Problem(status: .requestTimeout, detail: "The request was not received in time.")
        case .expectationFailed(let detail):
            Problem(status: .expectationFailed, detail: detail)
        case .serviceUnavailable(let detail):
            Problem(status: .serviceUnavailable, detail: detail, headers: ["Retry-After": "1"])
        case .badRequest(let detail):
            Problem(status: .badRequest, detail: detail)
        }
    }
}

/// The one place where errors become `application/problem+json` responses.
public enum ProblemMapper {
    /// Maps any error to a problem. Unknown errors become a 500 that reveals nothing about
    /// their cause; `onUnexpected` lets the caller log them.
    public static func problem(for error: any Error) -> Problem {
        if let convertible = error as? any ProblemConvertible { return convertible.problem }
        return Problem(status: .internalServerError,
                       detail: "The server met an unexpected condition. Quote the request id when reporting it.")
    }

    public static func response(for error: any Error, instance: String) -> HTTPResponse {
        response(for: problem(for: error), instance: instance)
    }

    public static func response(for problem: Problem, instance: String) -> HTTPResponse {
        var json = "{\"type\":"
        json += JSONString.quote(Problem.typeBase + problem.slug)
        json += ",\"title\":" + JSONString.quote(problem.title)
        json += ",\"status\":" + String(problem.status.code)
        json += ",\"detail\":" + JSONString.quote(problem.detail)
        json += ",\"instance\":" + JSONString.quote(instance)
        json += "}"
        var headers = problem.headers
        headers.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: problem.status, headers: headers, body: Array(json.utf8))
    }
}

/// Minimal JSON string quoting (RFC 8259 §7), so the wire layer needs no Foundation.
public enum JSONString {
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}
