// swift-tools-version:6.0
import PackageDescription

// The libFuzzer targets of cflab: one executable per entry of `CFFuzzing.FuzzTarget`.
// Built by `bench/fuzz/run` with `-sanitize=fuzzer` (libFuzzer supplies `main`), so the
// targets have no `@main` and this package has no tests.
let targets = ["config", "ratings-csv", "movielens", "ml-100k", "ml-1m", "where"]

let package = Package(
    name: "cflab-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "cflab", path: "../..")],
    targets: targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [.product(name: "CFFuzzing", package: "cflab")],
            path: "Targets/\(name)"
        )
    }
)
