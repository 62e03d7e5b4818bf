// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gazette",
    products: [
        .executable(name: "gazette", targets: ["GazetteCLI"]),
        .library(name: "Gazette", targets: ["Gazette"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The only code that includes ICU headers: a plain-C API (UTF-8 in, offsets out).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(name: "GazetteCore"),
        .target(name: "Tokenization", dependencies: ["GazetteCore", "CICU"]),
        .target(name: "GazetteIO", dependencies: ["GazetteCore"]),
        .target(name: "Gazetteer", dependencies: ["GazetteCore"]),
        .target(name: "Quantities", dependencies: ["GazetteCore"]),
        .target(name: "Relations", dependencies: ["GazetteCore"]),
        .target(name: "Evaluation", dependencies: ["GazetteCore", "GazetteIO"]),
        .target(name: "Gazette", dependencies: ["GazetteCore", "Tokenization", "GazetteIO", "Gazetteer", "Quantities", "Relations"]),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "Gazette",
                "Evaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GazetteCoreTests", dependencies: ["GazetteCore"]),
        .testTarget(name: "TokenizationTests", dependencies: ["Tokenization", "GazetteCore"]),
        .testTarget(name: "GazetteIOTests", dependencies: ["GazetteIO", "GazetteCore"]),
        .testTarget(name: "GazetteCLITests", dependencies: ["Gazette"]),
        .testTarget(
            name: "GazetteerTests",
            dependencies: ["Gazetteer", "Tokenization", "GazetteCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "QuantitiesTests", dependencies: ["Quantities", "Tokenization", "GazetteCore"]),
        .testTarget(
            name: "RelationsTests", dependencies: ["Relations", "Tokenization", "GazetteCore", "GazetteIO", "Evaluation"]
        ),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "GazetteCore"]),
        .testTarget(
            name: "GoldEvaluationTests",
            dependencies: ["Gazette", "Evaluation"],
            exclude: ["thresholds.tsv"]
        ),
    ]
)
