import BylineAnalysis
import Foundation

// Analyses the seed articles over and over, one at a time as ingestion does, until at least
// TARGET_BYTES (default 2 MiB) of text has been analysed, on this one thread; prints words
// per second of the whole analysis (parse, quotes, speakers, entities) and peak memory.
// Words per CPU second too: on a shared machine the thread's CPU time leaves out the time
// it waited for a core, which wall time counts.
// Usage: analysis-bench SEEDS_DIR [TARGET_BYTES] [ROUNDS]
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: analysis-bench SEEDS_DIR [TARGET_BYTES] [ROUNDS]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let targetBytes = arguments.count > 2 ? Int(arguments[2]) ?? 2 << 20 : 2 << 20
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
let texts = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    .filter { $0.hasSuffix(".txt") }
    .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
func words(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

var corpus: [String] = []
var bytes = 0
while bytes < targetBytes {
    for text in texts { corpus.append(text); bytes += text.utf8.count }
}
let totalWords = corpus.reduce(0) { $0 + words($1) }

func peakRSSKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

var rates: [Double] = []
var cpuRates: [Double] = []
var checksum = 0
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUSeconds()
    for text in corpus {
        let analysis = ArticleAnalyzer.analyze(text: text)
        checksum &+= analysis.quotes.count &+ analysis.entities.count
    }
    let cpuSeconds = threadCPUSeconds() - cpuStart
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    rates.append(Double(totalWords) / seconds)
    cpuRates.append(Double(totalWords) / cpuSeconds)
}
rates.sort()
cpuRates.sort()
let median = rates[rates.count / 2]
print("{\"bytes\": \(bytes), \"words\": \(totalWords), \"rounds\": \(rounds), \"words_per_s_median\": \(Int(median)), "
    + "\"words_per_s_best\": \(Int(rates.last!)), \"words_per_cpu_s_median\": \(Int(cpuRates[cpuRates.count / 2])), "
    + "\"peak_rss_mib\": \(peakRSSKiB() / 1024), \"checksum\": \(checksum)}")
