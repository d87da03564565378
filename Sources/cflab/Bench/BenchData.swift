import CFConfig
import CFData
import Foundation

/// The synthetic ratings files the large bench cases read, made once and kept.
///
/// `$CFLAB_BENCH_DATA/<shape>/` (default `~/.cache/cflab/bench/<shape>/`) holds
/// `ratings.csv` and `movies.csv` in the ml-latest-small layout, written by the same
/// generator as `cflab data synth` (rank 8, noise 0.3, seed 7), so
/// `bench/torch_reference.py` can read the very same ratings.
enum BenchData {
    /// The cache's root folder.
    static var root: String {
        if let value = ProcessInfo.processInfo.environment["CFLAB_BENCH_DATA"], !value.isEmpty { return value }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()
        return (home as NSString).appendingPathComponent(".cache/cflab/bench")
    }

    /// The folder of `shape`'s files, such as `synthetic-138493x26744-20000000`.
    static func folder(for shape: DataShape) -> String {
        (root as NSString).appendingPathComponent("synthetic-\(shape.users)x\(shape.items)-\(shape.ratings)")
    }

    /// The generator's options for `shape`.
    static func options(for shape: DataShape) -> SyntheticOptions {
        var options = SyntheticOptions()
        options.users = shape.users
        options.items = shape.items
        options.ratings = shape.ratings
        options.rank = 8
        options.noise = 0.3
        options.seed = 7
        return options
    }

    /// The folder of `shape`'s files, generating them first when missing. Files are
    /// written to a sibling folder and renamed into place, so a killed run leaves none half-written.
    static func prepare(_ shape: DataShape) throws -> String {
        let folder = folder(for: shape)
        let manager = FileManager.default
        if manager.fileExists(atPath: (folder as NSString).appendingPathComponent("ratings.csv")) { return folder }
        Console.error("bench: writing \(shape.label) synthetic ratings to \(folder) (once; kept for later runs)")
        let partial = folder + ".partial-\(getpid())"
        try? manager.removeItem(atPath: partial)
        let dataset = SyntheticData.generate(options(for: shape))
        try SyntheticData.writeMovieLensLayout(dataset, to: partial)
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        try? manager.removeItem(atPath: folder)
        try manager.moveItem(atPath: partial, toPath: folder)
        return folder
    }
}
