import Dispatch
import BylineHTTP
import BylineStore

/// `POST /v1/articles/batch`: one article request per NDJSON line (each as the JSON body of
/// `POST /v1/articles`), answered in NDJSON, one line per input line and in order, streamed
/// as they are stored. A bad line gets its problem and the next lines go on. Each result is
/// written only after its article's transaction committed, so a client that drops the
/// connection keeps every article it was told about; the lines after the drop are not
/// stored. The request body is read whole first (up to `max_body_bytes`).
struct BatchIngestHandler: Sendable {
    let store: ArticleStore
    let metrics: ServiceMetrics

    static let mediaType = "application/x-ndjson"
    static let path = "/v1/articles/batch"

    func create(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let header = request.headers["Content-Type"] else { throw APIError.missingContentType }
        guard let mediaType = MediaType(header), mediaType.essence == Self.mediaType, mediaType.isUTF8Compatible else {
            throw APIError.unsupportedBatchMediaType(header)
        }
        let lines = Self.lines(of: request.body)
        let store = self.store, metrics = self.metrics
        return HTTPResponse.streaming(headers: ["Content-Type": Self.mediaType], ResponseBodyStream { writer in
            // Lines go to the store a chunk at a time, analysed in parallel and written in as
            // few durable transactions as the store's group commit takes; each chunk's
            // results are written once it is durable, so a result line is an acknowledgement.
            // The next chunk is analysed while this one waits for its commit (a two-deep
            // pipeline): the commit is serial, and without the overlap a core sits idle.
            var chunks = stride(from: 0, to: lines.count, by: Self.chunkLines).map {
                lines[$0..<min(lines.count, $0 + Self.chunkLines)]
            }[...]
            var inFlight = chunks.popFirst().map { chunk in PendingResults { Self.results(of: chunk, store: store, metrics: metrics) } }
            while let current = inFlight {
                inFlight = chunks.popFirst().map { chunk in PendingResults { Self.results(of: chunk, store: store, metrics: metrics) } }
                for result in current.value() {
                    // The client is gone: store no more (a chunk already under way may still
                    // be stored; nothing unstored was acknowledged).
                    guard writer.write(result + [0x0A]) else { inFlight?.wait(); return }
                }
            }
        })
    }

    /// Lines stored per round: enough to share transactions and cores, few enough that
    /// results keep flowing and a client that hangs up stops the work soon.
    static let chunkLines = 64

    /// The answer lines for a run of input lines, in order: results, or problems with the
    /// line number.
    static func results(of lines: ArraySlice<(Int, ArraySlice<UInt8>)>, store: ArticleStore,
                        metrics: ServiceMetrics) -> [[UInt8]] {
        var inputs: [ArticleInput] = []
        var parsed: [Result<Int, any Error>] = []  // per line: its index in `inputs`, or why not
        for (_, line) in lines {
            do {
                inputs.append(try IngestRequestReader.jsonInput(Array(line)))
                parsed.append(.success(inputs.count - 1))
            } catch {
                parsed.append(.failure(error))
            }
        }
        let stored = inputs.isEmpty ? [] : store.ingest(batch: inputs)
        return zip(lines, parsed).map { entry, parse in
            let number = entry.0
            do {
                let index = try parse.get()
                let (article, created) = try StoreErrors.translated { try stored[index].get() }
                metrics.countIngest(status: created ? 201 : 200)
                return try JSONBody.encode(BatchResultJSON(
                    line: number, status: created ? 201 : 200, id: article.id,
                    location: ArticleHandlers.location(of: article.id)))
            } catch {
                let response = ProblemMapper.response(for: error, instance: "\(path)#line=\(number)")
                metrics.countIngest(status: response.status.code)
                let problem = response.body
                // The problem object, with the line number first.
                return Array("{\"line\":\(number),".utf8) + problem.dropFirst()
            }
        }
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
}

/// Results computed on another thread, waited for when needed.
private struct PendingResults {
    /// Its own concurrent queue: the work blocks (in the store's group commit), and queues
    /// made this way may start threads for blocked work, unlike the global ones.
    private static let queue = DispatchQueue(label: "byline.batch-ingest", attributes: .concurrent)
    private let results = Handoff<[[UInt8]]>()

    init(_ compute: @escaping @Sendable () -> [[UInt8]]) {
        let results = self.results
        PendingResults.queue.async { results.fulfil(compute()) }
    }

    func wait() { _ = results.wait() }

    func value() -> [[UInt8]] { results.wait() }
}
