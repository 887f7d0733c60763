// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "arca",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arca", targets: ["arca"]),
        .library(name: "LibPQ", targets: ["LibPQ"]),
        .executable(name: "arca-bench-db", targets: ["DBBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // libpq's C API. The shim header finds libpq-fe.h with or without pkg-config.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "LibPQ",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PostgresCluster",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(name: "ArcaDomain", swiftSettings: strict),
        .target(
            name: "ArcaPersistence",
            dependencies: [
                "ArcaDomain", "LibPQ",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            plugins: ["EmbedFiles"]
        ),
        .target(
            name: "ArcaApplication",
            dependencies: [
                "ArcaDomain", "ArcaPersistence",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // How records look outside: the JSON shapes the API answers and `arca … --json` prints.
        .target(
            name: "ArcaResources",
            dependencies: ["ArcaApplication", "ArcaDomain"],
            swiftSettings: strict
        ),
        .target(
            name: "ArcaHTTP",
            dependencies: [
                "ArcaApplication", "ArcaDomain", "ArcaResources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict,
            plugins: ["EmbedFiles"]
        ),
        .executableTarget(
            name: "arca",
            dependencies: [
                "ArcaHTTP", "ArcaResources", "ArcaApplication", "ArcaPersistence", "LibPQ", "PostgresCluster",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),

        // SQL migrations and the OpenAPI document are compiled into the binary, so `arca`
        // finds them wherever it runs.
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["EmbedFilesTool"]
        ),

        // Benchmarks (scripts in Benchmarks/ drive them; not part of the test suite).
        .executableTarget(
            name: "DBBench",
            dependencies: ["LibPQ", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/DBBench",
            swiftSettings: strict
        ),

        // Test-only support: a throwaway PostgreSQL cluster, a fresh database per test, and
        // the one test world (two offices, a user of every role) every suite starts from.
        .target(
            name: "ArcaTestSupport",
            dependencies: ["LibPQ", "PostgresCluster", "ArcaPersistence", "ArcaApplication"],
            swiftSettings: strict
        ),

        .testTarget(name: "LibPQTests", dependencies: ["LibPQ", "ArcaTestSupport"]),
        .testTarget(name: "PostgresClusterTests", dependencies: ["PostgresCluster", "LibPQ", "ArcaTestSupport"]),
        .testTarget(name: "ArcaDomainTests", dependencies: ["ArcaDomain"]),
        .testTarget(name: "ArcaPersistenceTests", dependencies: ["ArcaPersistence", "LibPQ", "ArcaTestSupport"]),
        .testTarget(
            name: "ArcaApplicationTests",
            dependencies: ["ArcaApplication", "ArcaPersistence", "ArcaTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(
            name: "ArcaHTTPTests",
            dependencies: [
                "ArcaHTTP", "ArcaResources", "ArcaApplication", "ArcaPersistence", "LibPQ", "PostgresCluster", "ArcaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "ArcaCLITests", dependencies: ["ArcaTestSupport", "LibPQ", "PostgresCluster"]),
    ]
)
