// hb-peer --port P --article FILE [--host H]
//   GET /healthz          -> {"status":"ok"}
//   GET /v1/articles/{id} -> the bytes of FILE (any id), application/json
// A same-run peer for scripts/bench-http.sh; not part of Byline.
import Foundation
import Hummingbird
import Logging

@main
struct HBPeer {
    static func main() async throws {
        var host = "127.0.0.1"
        var port: Int?
        var articlePath: String?
        var args = CommandLine.arguments.dropFirst()
        while let arg = args.popFirst() {
            switch arg {
            case "--port":
                guard let v = args.popFirst(), let p = Int(v) else { usage() }
                port = p
            case "--host":
                guard let v = args.popFirst() else { usage() }
                host = v
            case "--article":
                guard let v = args.popFirst() else { usage() }
                articlePath = v
            default:
                usage()
            }
        }
        guard let port, let articlePath else { usage() }
        guard let articleData = FileManager.default.contents(atPath: articlePath) else {
            FileHandle.standardError.write(Data("hb-peer: cannot read \(articlePath)\n".utf8))
            exit(1)
        }

        let articleBody = ByteBuffer(bytes: articleData)
        let healthBody = ByteBuffer(string: #"{"status":"ok"}"#)
        let jsonHeaders: HTTPFields = [.contentType: "application/json"]

        let router = Router()
        router.get("healthz") { _, _ in
            Response(status: .ok, headers: jsonHeaders, body: .init(byteBuffer: healthBody))
        }
        router.get("v1/articles/:id") { _, _ in
            Response(status: .ok, headers: jsonHeaders, body: .init(byteBuffer: articleBody))
        }

        var logger = Logger(label: "hb-peer")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "hb-peer"),
            logger: logger
        )
        try await app.runService()
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: hb-peer --port P --article FILE [--host H]\n".utf8))
        exit(2)
    }
}
