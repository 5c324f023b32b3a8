// swift-tools-version:6.1
import PackageDescription

// Words per second of Byline's whole article analysis (scripts/bench-analysis.sh).
let package = Package(
    name: "AnalysisBenchmark",
    dependencies: [.package(name: "Byline", path: "../..")],
    targets: [
        .executableTarget(
            name: "analysis-bench",
            dependencies: [.product(name: "BylineAnalysis", package: "Byline")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
    ]
)
