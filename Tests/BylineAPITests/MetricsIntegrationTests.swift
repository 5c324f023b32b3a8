import BylineAPI
import BylineHTTP
import Foundation
import Testing

/// `GET /metrics` on the real server after real traffic: the Prometheus text format with
/// requests by route template and status, latency histograms, ingests, connections and
/// the store's size.
@Suite struct MetricsIntegrationTests {
    func scrape(_ live: ArticlesIntegrationTests.LiveServer) throws -> (headers: [String: String], text: String) {
        let response = try live.request("GET", "/metrics")
        #expect(response.status == 200)
        return (response.headers, String(decoding: response.body, as: UTF8.self))
    }

    /// The value of the sample whose line starts with `series` (name and labels).
    func value(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func afterTrafficTheScrapeShowsTemplatesHistogramsIngestsAndSizes() throws {
        let live = try ArticlesIntegrationTests.LiveServer(seeded: false)
        defer { live.stop() }
        let posted = try live.request("POST", "/v1/articles", headers: ["Content-Type": "text/plain"],
                                      body: Array(APIHarness.article(1).utf8))
        #expect(posted.status == 201)
        let again = try live.request("POST", "/v1/articles", headers: ["Content-Type": "text/plain"],
                                     body: Array(APIHarness.article(1).utf8))
        #expect(again.status == 200)
        let rejected = try live.request("POST", "/v1/articles", headers: ["Content-Type": "image/png"], body: [1, 2, 3])
        #expect(rejected.status == 415)
        let location = try #require(posted.headers["location"])
        for _ in 0..<3 { #expect(try live.request("GET", location).status == 200) }
        #expect(try live.request("GET", "/v1/articles/no-such-article").status == 404)

        let (headers, text) = try scrape(live)
        #expect(headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        // Requests by template and status; the article's ID appears nowhere.
        #expect(value(text, #"http_server_requests_total{method="GET",route="/v1/articles/{id}",status="200"}"#) == 3)
        #expect(value(text, #"http_server_requests_total{method="GET",route="/v1/articles/{id}",status="404"}"#) == 1)
        #expect(value(text, #"http_server_requests_total{method="POST",route="/v1/articles",status="201"}"#) == 1)
        #expect(!text.contains(String(location.split(separator: "/").last!)))
        #expect(!text.contains("no-such-article"))
        // A latency histogram per template: cumulative buckets ending in +Inf = count.
        #expect(text.contains("# TYPE http_server_request_duration_seconds histogram"))
        #expect(value(text, #"http_server_request_duration_seconds_bucket{method="GET",route="/v1/articles/{id}",le="+Inf"}"#) == 4)
        #expect(value(text, #"http_server_request_duration_seconds_count{method="GET",route="/v1/articles/{id}"}"#) == 4)
        // Ingests by outcome, and their durations.
        #expect(value(text, #"byline_ingest_total{outcome="created"}"#) == 1)
        #expect(value(text, #"byline_ingest_total{outcome="existing"}"#) == 1)
        #expect(value(text, #"byline_ingest_total{outcome="rejected"}"#) == 1)
        #expect(value(text, "byline_ingest_duration_seconds_count") == 3)
        // The scrape's own connection is open while it is answered.
        #expect((value(text, "byline_http_open_connections") ?? 0) >= 1)
        // SQLite's main file holds at least its header page.
        #expect((value(text, #"byline_store_bytes{file="database"}"#) ?? 0) >= 4096)
        #expect(value(text, #"byline_store_bytes{file="wal"}"#) != nil)
    }

    @Test func batchLinesAreCountedAsIngestsAndTransactionsAreTimed() throws {
        let live = try ArticlesIntegrationTests.LiveServer(seeded: false)
        defer { live.stop() }
        let line = { (text: String) in String(decoding: try JSONEncoder().encode(["text": text]), as: UTF8.self) }
        let body = try [line(APIHarness.article(1)), line(APIHarness.article(2)), "{not json", line(APIHarness.article(1))]
            .joined(separator: "\n")
        let posted = try live.request("POST", "/v1/articles/batch", headers: ["Content-Type": "application/x-ndjson"],
                                      body: Array(body.utf8))
        #expect(posted.status == 200)
        let (_, text) = try scrape(live)
        #expect(value(text, #"byline_ingest_total{outcome="created"}"#) == 2)
        #expect(value(text, #"byline_ingest_total{outcome="existing"}"#) == 1)
        #expect(value(text, #"byline_ingest_total{outcome="rejected"}"#) == 1)
        // Three articles went to the writer (the repeat within the batch is found stored only
        // there), in at least one transaction, each timed.
        #expect(value(text, "byline_store_transaction_articles_total") == 3)
        #expect((value(text, "byline_store_commit_duration_seconds_count") ?? 0) >= 1)
        #expect((value(text, "byline_store_commit_duration_seconds_sum") ?? 0) > 0)
    }

    @Test func theScrapeItselfIsCountedOnTheNextOne() throws {
        let live = try ArticlesIntegrationTests.LiveServer(seeded: false)
        defer { live.stop() }
        _ = try scrape(live)
        let (_, text) = try scrape(live)
        #expect(value(text, #"http_server_requests_total{method="GET",route="/metrics",status="200"}"#) == 1)
    }
}
