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
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),   // make docs
    ],
    targets: [
        .systemLibrary(name: "_DiveBLAS", path: "Sources/_DiveBLAS"),
        .systemLibrary(name: "_DiveZlib", path: "Sources/_DiveZlib"),
        .systemLibrary(name: "_DiveCairo", path: "Sources/_DiveCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .target(name: "_DiveKernels"),
        .target(
            name: "DiveCore",
            dependencies: ["_DiveKernels", .target(name: "_DiveBLAS", condition: .when(platforms: [.linux]))],
            linkerSettings: blasSettings
        ),
        .target(name: "DiveNN", dependencies: ["DiveCore"]),
        .target(name: "DiveOptim", dependencies: ["DiveNN"]),
        .target(name: "DiveData", dependencies: ["DiveCore", "_DiveKernels", "_DiveZlib"]),
        .target(name: "DiveTrain", dependencies: ["DiveNN", "DiveOptim", "DiveData"]),
        .target(name: "DivePlot", dependencies: ["DiveCore", "_DiveCairo"]),
        .target(name: "Dive", dependencies: ["DiveCore", "DiveNN", "DiveOptim", "DiveData", "DiveTrain", "DivePlot"]),
        .target(name: "DiveExamples", dependencies: ["Dive"]),
        .executableTarget(
            name: "DiveCLI",
            dependencies: ["Dive", "DiveExamples", .product(name: "ArgumentParser", package: "swift-argument-parser")]
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
        .testTarget(name: "DiveCLITests", dependencies: ["Dive", "_DiveCairo", "DiveTestSupport"]),
    ]
)
