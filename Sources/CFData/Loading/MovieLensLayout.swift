import Foundation

/// The file layouts of the GroupLens MovieLens releases, detected from a folder's files.
public enum MovieLensLayout: String, Sendable, CaseIterable {
    /// `ratings.csv` + `movies.csv` (ml-latest-small, ml-20m, ml-25m, ml-32m).
    case csv
    /// `u.data` + `u.item` + `u.genre` + folds `u1..u5`, `ua`, `ub` (ml-100k).
    case ml100k
    /// `ratings.dat` + `movies.dat` with `::` separators (ml-1m, ml-10m).
    case doubleColon

    /// The layout of `folder`, or nil when it holds no known ratings file.
    public static func detect(in folder: String) -> MovieLensLayout? {
        let manager = FileManager.default
        for layout in allCases where manager.fileExists(atPath: (folder as NSString).appendingPathComponent(layout.ratingsFile)) {
            return layout
        }
        return nil
    }

    /// The name of the ratings file.
    public var ratingsFile: String {
        switch self {
        case .csv: return "ratings.csv"
        case .ml100k: return "u.data"
        case .doubleColon: return "ratings.dat"
        }
    }

    /// The name of the item metadata file.
    public var itemsFile: String {
        switch self {
        case .csv: return "movies.csv"
        case .ml100k: return "u.item"
        case .doubleColon: return "movies.dat"
        }
    }

    var ratingsFormat: RatingsFormat {
        switch self {
        case .csv: return .movieLensCSV
        case .ml100k: return .tabSeparated
        case .doubleColon: return .doubleColon
        }
    }

    /// The names of ml-100k's predefined folds, each a `<name>.base` / `<name>.test` pair.
    public static let predefinedFoldNames = ["u1", "u2", "u3", "u4", "u5", "ua", "ub"]
}
