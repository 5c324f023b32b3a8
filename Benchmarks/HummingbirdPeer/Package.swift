// swift-tools-version:6.0
// A tiny Hummingbird 2 server used only as a same-run peer by scripts/bench-http.sh.
// It is its own package so Byline's build never pulls SwiftNIO in.
import PackageDescription

let package = Package(
    name: "HummingbirdPeer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "hb-peer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)
