import CFConfig
import Foundation

/// Loads the dataset a `DataConfig` describes: a MovieLens folder, a generic CSV, or synthetic data.
public enum DatasetLoader {
    /// Loads, maps ids densely, applies the duplicate policy and fingerprints the result.
    ///
    /// - Parameter baseDirectory: the folder relative paths start from (the experiment
    ///   file's folder); nil means the current directory.
    public static func load(
        _ config: DataConfig, relativeTo baseDirectory: String?, locator: DataLocator = DataLocator()
    ) throws -> Dataset {
        switch config.source {
        case .synthetic:
            return SyntheticData.generate(config.synthetic)
        case .movielens:
            let location = try locator.location(of: config, relativeTo: baseDirectory)
            return try loadMovieLens(folder: location, name: config.name, duplicates: config.duplicates)
        case .csv:
            var fileConfig = config
            if let path = config.csv.path { fileConfig.path = path }
            guard fileConfig.path != nil else {
                throw DataError.invalidConfiguration("data.csv: give `path` of the ratings file")
            }
            let location = try locator.location(of: fileConfig, relativeTo: baseDirectory)
            return try loadCSV(path: location, options: config.csv, duplicates: config.duplicates)
        }
    }

    /// Loads a MovieLens release from its folder (a path to its ratings file also works).
    public static func loadMovieLens(
        folder path: String, name: String? = nil, duplicates: DataConfig.DuplicatePolicy = .last
    ) throws -> Dataset {
        let folder = DataLocator.isDirectory(path) ? path : (path as NSString).deletingLastPathComponent
        guard let layout = MovieLensLayout.detect(in: folder) else { throw DataError.unknownLayout(path: folder) }
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let ratingsPath = file(layout.ratingsFile)
        let raw = try RatingsFileReader.read(path: ratingsPath, format: layout.ratingsFormat)
        let assembled = try RatingsAssembler.assemble(raw, format: layout.ratingsFormat, duplicates: duplicates)
        let itemsPath = file(layout.itemsFile)
        var catalog: [String: ItemInfo] = [:]
        if FileManager.default.fileExists(atPath: itemsPath) {
            switch layout {
            case .csv: catalog = try ItemCatalog.movieLensCSV(path: itemsPath)
            case .doubleColon: catalog = try ItemCatalog.doubleColon(path: itemsPath)
            case .ml100k:
                let genrePath = file("u.genre")
                catalog = try ItemCatalog.ml100k(
                    itemPath: itemsPath, genrePath: FileManager.default.fileExists(atPath: genrePath) ? genrePath : nil)
            }
        }
        var folds: [String: (train: RatingSet, test: RatingSet)] = [:]
        if layout == .ml100k {
            for foldName in MovieLensLayout.predefinedFoldNames {
                let basePath = file("\(foldName).base")
                let testPath = file("\(foldName).test")
                guard FileManager.default.fileExists(atPath: basePath), FileManager.default.fileExists(atPath: testPath) else { continue }
                func part(_ path: String) throws -> RatingSet {
                    let rawPart = try RatingsFileReader.read(path: path, format: .tabSeparated)
                    return try RatingsAssembler.assemble(
                        rawPart, format: .tabSeparated, duplicates: duplicates,
                        existingUsers: assembled.users, existingItems: assembled.items
                    ).ratings
                }
                folds[foldName] = (try part(basePath), try part(testPath))
            }
        }
        return Dataset(
            name: name ?? (folder as NSString).lastPathComponent, source: "movielens", path: folder,
            ratings: assembled.ratings, users: assembled.users, items: assembled.items,
            itemInfo: ItemCatalog.infos(for: assembled.items, catalog: catalog),
            fingerprint: Fingerprint.of(assembled.ratings, users: assembled.users, items: assembled.items),
            predefinedFolds: folds)
    }
}
