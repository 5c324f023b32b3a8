// swift-tools-version:6.1
import PackageDescription

// One target per layer; arrows point one way:
//   byline (executable) → BylineAPI → BylineStore → BylineAnalysis
//                          BylineAPI → BylineHTTP → CLinuxNet, CZlib, COpenSSL
//   BylineAnalysis → CLibXML2 (HTML parsing)
// BylineHTTP knows nothing of news; BylineAnalysis knows nothing of HTTP or SQL.
let package = Package(
    name: "Byline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "byline", targets: ["byline"]),
        .library(name: "BylineHTTP", targets: ["BylineHTTP"]),
        .library(name: "BylineAnalysis", targets: ["BylineAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Metrics API (CoreMetrics) for the HTTP layer; Prometheus exposition for /metrics.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // epoll, eventfd and accept4 are not in Swift's Glibc module.
        .target(name: "CLinuxNet", path: "Sources/CLinuxNet"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "openssl",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // libxml2's HTML parser, for extracting articles from web pages.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "BylineConcurrency"),
        .target(
            name: "BylineHTTP",
            dependencies: [
                "BylineConcurrency",
                "CLinuxNet", "CZlib", "COpenSSL",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .target(name: "BylineAnalysis", dependencies: ["CLibXML2"]),
        .target(
            name: "BylineStore",
            dependencies: [
                "BylineConcurrency",
                "BylineAnalysis", "COpenSSL",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "BylineAPI",
            dependencies: [
                "BylineConcurrency",
                "BylineHTTP", "BylineStore", "BylineAnalysis",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "byline",
            dependencies: [
                "BylineAPI", "BylineHTTP", "BylineStore", "BylineAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer drivers, one executable per target; see scripts/fuzz.sh. They build (and
        // exit 2) without -sanitize=fuzzer, so a plain `swift build` keeps them compiling.
        .target(name: "BylineFuzzSupport", dependencies: ["BylineAnalysis"]),
        .executableTarget(name: "BylineFuzzParser", dependencies: ["BylineHTTP", "BylineFuzzSupport"]),
        .executableTarget(name: "BylineFuzzAnalyzer", dependencies: ["BylineAnalysis", "BylineFuzzSupport"]),
        .executableTarget(name: "BylineFuzzHTML",
                          dependencies: ["BylineAnalysis", "BylineStore", "BylineFuzzSupport"]),
        .executableTarget(name: "BylineFuzzIngestBody",
                          dependencies: ["BylineAPI", "BylineHTTP", "BylineStore", "BylineAnalysis", "BylineFuzzSupport"]),
        .testTarget(name: "BylineHTTPTests",
                    dependencies: ["BylineHTTP", "BylineConcurrency", "CLinuxNet", "COpenSSL",
                                   .product(name: "Prometheus", package: "swift-prometheus")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "bylineTests", dependencies: ["byline", "BylineHTTP", "BylineAPI"]),
        .testTarget(name: "BylineAnalysisTests", dependencies: ["BylineAnalysis"], exclude: ["Fixtures"]),
        .testTarget(name: "BylineStoreTests", dependencies: ["BylineStore", "BylineAnalysis"]),
        .testTarget(name: "BylineConcurrencyTests", dependencies: ["BylineConcurrency"]),
        .testTarget(
            name: "BylineAPITests",
            dependencies: ["BylineAPI", "BylineHTTP", "BylineStore", "BylineAnalysis", "CLinuxNet",
                           .product(name: "Prometheus", package: "swift-prometheus")],
            resources: []
        ),
    ]
)
