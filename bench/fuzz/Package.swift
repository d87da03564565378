// swift-tools-version:5.4
import PackageDescription

// The libFuzzer targets of cflab: one executable per entry of `CFFuzzing.FuzzTarget`.
// Built by `bench/fuzz/run` with `-sanitize=fuzzer` (libFuzzer supplies `main`), so the
// targets have no `@main` and this package has no tests.
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point
// to `<module>_main` and links `main` to it, which clashes with libFuzzer's `main`. 5.4
// has no `.macOS(.v13)`, hence no platforms: libFuzzer ships with the Linux toolchains.
let targets = ["config", "ratings-csv", "movielens", "ml-100k", "ml-1m", "where"]

let package = Package(
    name: "cflab-fuzz",
    dependencies: [.package(name: "cflab", path: "../..")],
    targets: targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [.product(name: "CFFuzzing", package: "cflab")],
            path: "Targets/\(name)"
        )
    }
)
