import CFConfig
import CFData
import CFStore
import Foundation

/// The code each fuzz target runs on one input, shared by the libFuzzer executables of
/// `bench/fuzz` and the corpus replay tests.
///
/// Each entry writes the bytes where the real API reads them (files in a per-process
/// scratch folder, or the expression text), calls that API, and returns how it ended;
/// thrown errors are swallowed into the outcome. Only a trap escapes, which is the bug a
/// fuzzer looks for.
public enum FuzzEntry {
    /// The input as an experiment file, loaded as `cflab run` loads one (`version`
    /// required, size, NUL and UTF-8 checks, `base:` relative to its folder), then
    /// expanded into its trials as `cflab plan` does. A second section is `base.yaml`,
    /// there for the file to name in `base:`.
    public static func config(_ bytes: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.of {
            let folder = try lay(bytes, for: .config)
            let file = try ConfigLoader.load(path: (folder as NSString).appendingPathComponent("experiment.yaml"))
            _ = try SweepExpander.expand(file)
        }
    }

    /// The input as a generic ratings CSV with the default columns (user, item, rating,
    /// timestamp; a header) under `duplicates: error`.
    public static func ratingsCSV(_ bytes: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.of {
            let folder = try lay(bytes, for: .ratingsCSV)
            _ = try DatasetLoader.loadCSV(
                path: (folder as NSString).appendingPathComponent("ratings.csv"), options: CSVOptions(), duplicates: .error)
        }
    }

    /// The input as an ml-latest-small style folder: `ratings.csv`, and `movies.csv` when
    /// the input has a second section.
    public static func movieLens(_ bytes: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.of { _ = try DatasetLoader.loadMovieLens(folder: try lay(bytes, for: .movieLens)) }
    }

    /// The input as an ml-100k folder: `u.data`, then optionally `u.item`, `u.genre` and
    /// the fold `u1.base` / `u1.test`, under `duplicates: error`.
    public static func ml100k(_ bytes: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.of { _ = try DatasetLoader.loadMovieLens(folder: try lay(bytes, for: .ml100k), duplicates: .error) }
    }

    /// The input as an ml-1m folder: `ratings.dat` (`::` separated), and `movies.dat`
    /// when the input has a second section.
    public static func ml1m(_ bytes: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.of { _ = try DatasetLoader.loadMovieLens(folder: try lay(bytes, for: .ml1m)) }
    }

    /// The input as a `--where` expression (UTF-8, invalid bytes replaced), parsed and then
    /// run against a store with one run, sorted by its first field as `--sort` would.
    public static func whereFilter(_ bytes: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.of {
            let filter = try WhereFilter(parsing: String(decoding: bytes, as: UTF8.self))
            let store = try FuzzStore.shared.get()
            _ = try store.runs(matching: RunQuery(filter: filter, sort: filter.expression.fields.first))
        }
    }

    /// Writes the input's sections as the target's files in its scratch folder and
    /// returns the folder.
    private static func lay(_ bytes: [UInt8], for target: FuzzTarget) throws -> String {
        let folder = try FuzzScratch.folder(target.rawValue)
        let names = target.fileNames
        try FuzzScratch.lay(FuzzSections.files(bytes, names: names), among: names, in: folder)
        return folder
    }
}
