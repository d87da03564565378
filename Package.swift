// swift-tools-version:6.0
import PackageDescription
import Foundation

// Opt-in CPU tuning: `CFLAB_TARGET_CPU=haswell swift build -c release` enables SIMD
// code generation for that CPU. Never on by default: the flag breaks other architectures.
let tuning: [SwiftSetting] = ProcessInfo.processInfo.environment["CFLAB_TARGET_CPU"]
    .map { [.unsafeFlags(["-target-cpu", $0]), .define("CFLAB_TARGET_CPU")] } ?? []

let package = Package(
    name: "cflab",
    // macOS 14: Hummingbird 2, which CFServe (`cflab serve`) is built on, needs it.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cflab", targets: ["cflab"]),
        // Each library is a product, so a dashboard, a worker or a notebook tool can build on
        // cflab's pieces: CFExperiment is the one that wires them together for a run.
        .library(name: "CFCore", targets: ["CFCore"]),
        .library(name: "CFText", targets: ["CFText"]),
        .library(name: "CFConfig", targets: ["CFConfig"]),
        .library(name: "CFData", targets: ["CFData"]),
        .library(name: "CFLinalg", targets: ["CFLinalg"]),
        .library(name: "CFModels", targets: ["CFModels"]),
        .library(name: "CFTraining", targets: ["CFTraining"]),
        .library(name: "CFStore", targets: ["CFStore"]),
        .library(name: "CFExperiment", targets: ["CFExperiment"]),
        .library(name: "CFReport", targets: ["CFReport"]),
        .library(name: "CFAnalysis", targets: ["CFAnalysis"]),
        // The live dashboard and JSON API over a store (`cflab serve`), on Hummingbird.
        .library(name: "CFServe", targets: ["CFServe"]),
        // The entry code of the fuzz targets (bench/fuzz), shared with the corpus replay tests.
        .library(name: "CFFuzzing", targets: ["CFFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        // MARK: system and C support
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "CPrefetch", path: "Sources/CPrefetch"),
        // The optimisers' element-wise updates, vectorised (AVX chosen at run time; same bits),
        // and the factor models' per-rating sums and scatters (the same bits as the Swift loops).
        .target(name: "CKernels", path: "Sources/CKernels"),

        // MARK: libraries (each imports only the ones above it)
        .target(
            name: "CFCore",
            dependencies: ["CPrefetch", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: tuning
        ),
        .target(name: "CFText", dependencies: ["CFCore"]),
        .target(name: "CFConfig", dependencies: ["CFCore", "Yams"], swiftSettings: tuning),
        .target(
            name: "CFData",
            dependencies: ["CFCore", "CFConfig", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: tuning
        ),
        .target(
            name: "CFLinalg",
            dependencies: [.target(name: "COpenBLAS", condition: .when(platforms: [.linux]))],
            swiftSettings: tuning,
            linkerSettings: [.linkedFramework("Accelerate", .when(platforms: [.macOS]))]
        ),
        .target(
            name: "CFModels",
            dependencies: ["CFCore", "CFConfig", "CFData", "CFLinalg", "CKernels", "CPrefetch"],
            swiftSettings: tuning
        ),
        .target(
            name: "CFTraining", dependencies: ["CFCore", "CFConfig", "CFData", "CFModels", "CKernels", "CPrefetch"], swiftSettings: tuning
        ),
        .target(
            name: "CFStore",
            dependencies: ["CFCore", "CFData", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "CFReport", dependencies: ["CFCore", "CFText", "CFLinalg", "CFStore"]),
        .target(
            name: "CFExperiment",
            dependencies: [
                "CFCore", "CFConfig", "CFData", "CFLinalg", "CFModels", "CFTraining", "CFStore", "CFAnalysis",
                // Only to read SQLite result codes in `StoreWriteFailure.classify`; no SQL here.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: tuning
        ),
        .target(
            name: "CFAnalysis",
            dependencies: ["CFCore", "CFText", "CFConfig", "CFData", "CFLinalg", "CFModels", "CFStore"],
            swiftSettings: tuning
        ),

        // The server of `cflab serve`: its own target, so that everything else builds without
        // Hummingbird. Reads the store read-only; pages and charts come from CFReport.
        .target(
            name: "CFServe",
            dependencies: [
                "CFCore", "CFText", "CFStore", "CFReport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
            ]
        ),

        // MARK: fuzzing (the entry code of bench/fuzz's targets and of the corpus replay tests)
        .target(name: "CFFuzzing", dependencies: ["CFCore", "CFConfig", "CFData", "CFStore"]),

        // MARK: executable
        .executableTarget(
            name: "cflab",
            dependencies: [
                "CFCore", "CFText", "CFConfig", "CFData", "CFLinalg", "CFTraining", "CFStore", "CFReport", "CFAnalysis",
                "CFExperiment", "CFServe", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: tuning
        ),

        // MARK: test support (temporary folders and stores, planted data, text fixtures, the CLI runner)
        .target(
            name: "CFTestSupport",
            dependencies: ["CFCore", "CFConfig", "CFData", "CFStore"],
            path: "Tests/CFTestSupport"
        ),

        // MARK: tests (each declares exactly the modules it imports)
        .testTarget(name: "CFCoreTests", dependencies: ["CFCore"]),
        .testTarget(name: "CFTextTests", dependencies: ["CFText", "CFCore"]),
        .testTarget(name: "CFConfigTests", dependencies: ["CFConfig", "CFCore", "CFTestSupport"]),
        .testTarget(
            name: "CFDataTests",
            dependencies: ["CFData", "CFConfig", "CFCore", "CFTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "CFLinalgTests", dependencies: ["CFLinalg"]),
        .testTarget(name: "CFModelsTests", dependencies: ["CFModels", "CFData", "CFConfig", "CFCore", "CFLinalg"]),
        .testTarget(name: "CFTrainingTests", dependencies: ["CFTraining", "CFModels", "CFData", "CFConfig", "CFCore", "CFTestSupport", "CKernels"]),
        .testTarget(
            name: "CFStoreTests",
            dependencies: ["CFStore", "CFData", "CFCore", "CFTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "CFReportTests",
            dependencies: [
                "CFReport", "CFText", "CFStore", "CFData", "CFCore", "CFTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CFAnalysisTests",
            dependencies: ["CFAnalysis", "CFText", "CFStore", "CFConfig", "CFData", "CFCore", "CFTestSupport"]
        ),
        .testTarget(
            name: "CFExperimentTests",
            dependencies: [
                "CFExperiment", "CFAnalysis", "CFConfig", "CFCore", "CFData", "CFModels", "CFStore", "CFTraining", "CFTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CFServeTests",
            dependencies: [
                "CFServe", "CFReport", "CFStore", "CFExperiment", "CFConfig", "CFData", "CFTraining", "CFCore", "CFTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "CFFuzzReplayTests", dependencies: ["CFFuzzing", "CFConfig", "CFData", "CFStore"]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "cflab", "CFCore", "CFConfig", "CFExperiment", "CFStore", "CFTraining", "CFTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Help", "Catalogue"]
        ),
    ]
)
