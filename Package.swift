// swift-tools-version: 6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "embudo",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PGClient", targets: ["PGClient"]),
        .executable(name: "embudo", targets: ["embudo"]),
    ],
    dependencies: [
        // HTTP server (brings swift-nio, swift-log, swift-service-lifecycle, swift-http-types).
        // Default traits off: no swift-configuration, no full Foundation in the server.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        // The `embudo` command line.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Already in the graph through Hummingbird; named because we import them directly.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // The metrics API (in the graph through Hummingbird); Embudo exports it itself for Prometheus.
        .package(url: "https://github.com/apple/swift-metrics.git", .upToNextMinor(from: "2.13.0")),
        // TLS for outgoing mail (STARTTLS and implicit TLS to the SMTP relay).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", .upToNextMinor(from: "2.37.6")),
    ],
    targets: [
        // libpq, the PostgreSQL client library (Debian: libpq-dev; headers via pkg-config).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // Blocking libpq wrapped for Swift 6: connections, typed rows, errors, pool. No CRM knowledge.
        .target(
            name: "PGClient",
            dependencies: ["CLibPQ"],
            swiftSettings: swiftSettings
        ),
        // A private PostgreSQL cluster (initdb / pg_ctl) for `embudo serve` and for the tests.
        .target(
            name: "EmbeddedPostgres",
            swiftSettings: swiftSettings
        ),
        // Database configuration, migrations, roles and the per-transaction tenant context.
        .target(
            name: "EmbudoDatabase",
            dependencies: [
                "PGClient",
                "EmbeddedPostgres",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The model layer, one folder per business module (Base, Mail, CRM, Activities, Sale, Reports):
        // each model's description, methods and SQL, over the generic machinery in Core.
        .target(
            name: "EmbudoModel",
            dependencies: ["EmbudoDatabase", "EmbudoMIME", "PGClient"],
            swiftSettings: swiftSettings
        ),
        // Observability without CRM knowledge: the Prometheus exporter for swift-metrics, JSON log lines.
        .target(
            name: "EmbudoObservability",
            dependencies: [
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Odoo's JSON-RPC protocol, transport-free: envelope, faults, the common/db/object services.
        .target(
            name: "EmbudoRPC",
            dependencies: [
                "EmbudoDatabase",
                "EmbudoModel",
                "PGClient",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // E-mail as text, no networking: RFC 5322 / MIME formatting of outgoing mail, parsing and
        // sanitising of incoming mail, addresses, dates and encodings.
        .target(
            name: "EmbudoMIME",
            swiftSettings: swiftSettings
        ),
        // Outgoing e-mail on the wire: an SMTP client on SwiftNIO and the delivery worker that empties the
        // mail_mail queue.
        .target(
            name: "EmbudoMail",
            dependencies: [
                "EmbudoDatabase",
                "EmbudoMIME",
                "PGClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // A small DNS client (UDP, TXT records) for the operator's check of requested mail domains.
        .target(
            name: "EmbudoDNS",
            swiftSettings: swiftSettings
        ),
        // Hummingbird application: routes, health, service lifecycle.
        .target(
            name: "EmbudoServer",
            dependencies: [
                "EmbeddedPostgres",
                "EmbudoModel",
                "EmbudoRPC",
                "EmbudoDatabase",
                "EmbudoObservability",
                "PGClient",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "embudo",
            dependencies: [
                "EmbudoServer",
                "EmbudoDNS",
                "EmbudoMail",
                "EmbudoMIME",
                "EmbudoModel",
                "EmbudoDatabase",
                "EmbeddedPostgres",
                "EmbudoObservability",
                "PGClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test helpers: one throwaway cluster per test process, one database per test.
        .target(
            name: "EmbudoTestSupport",
            dependencies: ["EmbudoDatabase", "EmbeddedPostgres", "PGClient"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PGClientTests",
            dependencies: ["PGClient", "EmbudoTestSupport", "EmbeddedPostgres"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmbudoDatabaseTests",
            dependencies: ["EmbudoDatabase", "EmbudoModel", "EmbudoTestSupport", "EmbeddedPostgres", "PGClient"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmbudoModelTests",
            dependencies: ["EmbudoModel", "EmbudoDatabase", "EmbudoTestSupport", "PGClient"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmbudoRPCTests",
            dependencies: ["EmbudoRPC", "EmbudoModel", "EmbudoDatabase", "EmbudoTestSupport", "PGClient",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmbudoMIMETests",
            dependencies: ["EmbudoMIME"],
            resources: [.copy("Corpus")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmbudoMailTests",
            dependencies: [
                "EmbudoMail", "EmbudoMIME", "EmbudoModel", "EmbudoDatabase", "EmbudoTestSupport", "PGClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmbudoDNSTests",
            dependencies: ["EmbudoDNS"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmbudoServerTests",
            dependencies: [
                "EmbudoServer", "EmbudoModel", "EmbudoDatabase", "EmbudoObservability", "EmbudoTestSupport", "PGClient",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// Benchmarks are built only on request (`EMBUDO_BENCHMARKS=1 swift build -c release`), as Hummingbird
// gates its own, so that tests and CI never pay for them.
if Context.environment["EMBUDO_BENCHMARKS"] != nil {
    package.targets.append(
        .executableTarget(
            name: "embudo-bench",
            dependencies: [
                "PGClient", "EmbeddedPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        )
    )
}
