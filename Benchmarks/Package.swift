// swift-tools-version: 6.1
// In-process benchmarks of sensemaking's hot paths (docs/performance.md). A package of its
// own, so the root package's `swift test` never builds the benchmark library.
import PackageDescription

let package = Package(
    name: "SensemakingBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "sensemaking", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SensemakingKit", package: "sensemaking"),
                .product(name: "WorkshopFixtures", package: "sensemaking"),
            ],
            path: "Benchmarks/HotPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
