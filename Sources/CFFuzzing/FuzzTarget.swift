/// The fuzz targets: each names a folder of `bench/fuzz/corpus` and `bench/fuzz/crashes`,
/// an executable `fuzz-<name>` of the fuzz package, and the entry both of them call.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case config
    case ratingsCSV = "ratings-csv"
    case movieLens = "movielens"
    case ml100k = "ml-100k"
    case ml1m = "ml-1m"
    case whereFilter = "where"

    /// Runs the target's entry on one input.
    public func run(_ bytes: [UInt8]) -> FuzzOutcome {
        switch self {
        case .config: return FuzzEntry.config(bytes)
        case .ratingsCSV: return FuzzEntry.ratingsCSV(bytes)
        case .movieLens: return FuzzEntry.movieLens(bytes)
        case .ml100k: return FuzzEntry.ml100k(bytes)
        case .ml1m: return FuzzEntry.ml1m(bytes)
        case .whereFilter: return FuzzEntry.whereFilter(bytes)
        }
    }

    /// The files an input becomes, in the order of its `%%` sections (see `FuzzSections`);
    /// empty for `where`, whose input is the expression itself.
    public var fileNames: [String] {
        switch self {
        case .config: return ["experiment.yaml", "base.yaml"]
        case .ratingsCSV: return ["ratings.csv"]
        case .movieLens: return ["ratings.csv", "movies.csv"]
        case .ml100k: return ["u.data", "u.item", "u.genre", "u1.base", "u1.test"]
        case .ml1m: return ["ratings.dat", "movies.dat"]
        case .whereFilter: return []
        }
    }
}
