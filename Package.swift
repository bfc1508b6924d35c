// swift-tools-version:6.0
import PackageDescription

// BLAS: OpenBLAS through a system-library module on Linux, Accelerate on macOS.
let blasSettings: [LinkerSetting] = [
    .linkedLibrary("openblas", .when(platforms: [.linux])),
    .linkedFramework("Accelerate", .when(platforms: [.macOS])),
]

let package = Package(
    name: "Dive",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Dive", targets: ["Dive"]),
        .executable(name: "dive", targets: ["DiveCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),   // make docs
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "_DiveBLAS", path: "Sources/_DiveBLAS"),
        .systemLibrary(name: "_DiveZlib", path: "Sources/_DiveZlib"),
        // oneDNN (Debian: libdnnl-dev) runs the matrix products on Linux; macOS keeps Accelerate.
        .systemLibrary(name: "_DiveDNNL", path: "Sources/_DiveDNNL"),
        .systemLibrary(name: "_DiveCairo", path: "Sources/_DiveCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .target(name: "_DiveKernels"),
        .target(
            name: "DiveCore",
            dependencies: ["_DiveKernels", .target(name: "_DiveBLAS", condition: .when(platforms: [.linux])),
                           .target(name: "_DiveDNNL", condition: .when(platforms: [.linux]))],
            linkerSettings: blasSettings
        ),
        .target(name: "DiveNN", dependencies: ["DiveCore"]),
        .target(name: "DiveOptim", dependencies: ["DiveNN"]),
        .target(name: "DiveData", dependencies: ["DiveCore", "_DiveKernels", "_DiveZlib"]),
        .target(name: "DiveTrain", dependencies: ["DiveNN", "DiveOptim", "DiveData"]),
        .target(name: "DivePlot", dependencies: ["DiveCore", "_DiveCairo"]),
        .target(name: "DiveExport", dependencies: ["DiveNN"]),
        .target(name: "Dive", dependencies: ["DiveCore", "DiveNN", "DiveOptim", "DiveData", "DiveTrain", "DivePlot",
                                             "DiveExport"]),
        .target(name: "DiveExamples", dependencies: ["Dive"]),
        .target(
            name: "DivePlayground",
            dependencies: [
                "DiveNN", "DiveOptim", "DiveTrain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            resources: [.embedInCode("Page/index.html"), .embedInCode("Page/playground.js"),
                        .embedInCode("Page/playground.css")]
        ),
        .executableTarget(
            name: "DiveCLI",
            dependencies: ["Dive", "DiveExamples", "DivePlayground", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Helpers every test target shares (one tolerance rule for approximate comparisons).
        .target(name: "DiveTestSupport", dependencies: ["DiveCore"], path: "Tests/DiveTestSupport"),
        .testTarget(name: "DiveCoreTests", dependencies: ["DiveCore", "DiveTestSupport"]),
        .testTarget(name: "DiveNNTests", dependencies: ["DiveNN", "DiveTestSupport"]),
        .testTarget(name: "DiveOptimTests", dependencies: ["DiveOptim", "DiveTestSupport"]),
        .testTarget(name: "DiveDataTests", dependencies: ["DiveData", "DiveTestSupport"]),
        .testTarget(name: "DiveTrainTests", dependencies: ["DiveTrain", "DiveTestSupport"]),
        .testTarget(name: "DivePlotTests", dependencies: ["DivePlot", "_DiveCairo", "DiveTestSupport"]),
        .testTarget(name: "DiveExamplesTests", dependencies: ["DiveExamples", "DiveTestSupport"]),
        .testTarget(
            name: "DiveCLITests",
            dependencies: ["Dive", "_DiveCairo", "DiveTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "DiveExportTests", dependencies: ["DiveExport"]),
        .testTarget(
            name: "DivePlaygroundTests",
            dependencies: [
                "DivePlayground", "DiveTrain",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)
