import CFConfig
import Foundation

/// Loads the dataset a `DataConfig` describes: a MovieLens folder, a generic CSV, or synthetic data.
public enum DatasetLoader {
    /// Loads, maps ids densely, applies the duplicate policy and fingerprints the result.
    ///
    /// Every rating must lie on the data's scale (`data.rating_range`, or a MovieLens
    /// release's known one); empty, binary and malformed files are refused with
    /// `path:line: reason`. What the user should know is left in `Dataset.notes`.
    ///
    /// - Parameter baseDirectory: the folder relative paths start from (the experiment
    ///   file's folder); nil means the current directory.
    public static func load(
        _ config: DataConfig, relativeTo baseDirectory: String?, locator: DataLocator = DataLocator()
    ) throws -> Dataset {
        switch config.source {
        case .synthetic:
            return try checkedSynthetic(config)
        case .movielens:
            let location = try locator.location(of: config, relativeTo: baseDirectory)
            return try loadMovieLens(folder: location, name: config.name, duplicates: config.duplicates, ratingRange: config.ratingRange)
        case .csv:
            var fileConfig = config
            if let path = config.csv.path { fileConfig.path = path }
            guard fileConfig.path != nil else {
                throw DataError.invalidConfiguration("data.csv: give `path` of the ratings file")
            }
            let location = try locator.location(of: fileConfig, relativeTo: baseDirectory)
            return try loadCSV(path: location, options: config.csv, duplicates: config.duplicates, ratingRange: config.ratingRange)
        }
    }

    /// Loads a MovieLens release from its folder (a path to its ratings file also works).
    ///
    /// Ratings must lie on `ratingRange`, by default the release's known scale
    /// (`RatingScale.known(for:)`); ids must be non-negative integers.
    public static func loadMovieLens(
        folder path: String, name: String? = nil, duplicates: DataConfig.DuplicatePolicy = .last,
        ratingRange: ClosedRange<Double>? = nil
    ) throws -> Dataset {
        let folder = DataLocator.isDirectory(path) ? path : (path as NSString).deletingLastPathComponent
        guard let layout = MovieLensLayout.detect(in: folder) else { throw DataError.unknownLayout(path: folder) }
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let scale = RatingScale(stated: ratingRange) ?? .known(for: layout)
        let ratingsPath = file(layout.ratingsFile)
        let raw = try RatingsFileReader.read(path: ratingsPath, format: layout.ratingsFormat, scale: scale)
        let assembled = try RatingsAssembler.assemble(consume raw, format: layout.ratingsFormat, duplicates: duplicates)
        let catalogue = try CatalogueCheck.load(layout: layout, folder: folder, ratingsPath: ratingsPath, assembled: assembled)
        var folds: [String: (train: RatingSet, test: RatingSet)] = [:]
        if layout == .ml100k {
            for foldName in MovieLensLayout.predefinedFoldNames {
                let basePath = file("\(foldName).base")
                let testPath = file("\(foldName).test")
                guard FileManager.default.fileExists(atPath: basePath), FileManager.default.fileExists(atPath: testPath) else { continue }
                func part(_ path: String) throws -> RatingSet {
                    let rawPart = try RatingsFileReader.read(path: path, format: .tabSeparated, scale: scale)
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
            itemInfo: ItemCatalog.infos(for: assembled.items, catalog: catalogue.catalog),
            fingerprint: Fingerprint.of(assembled.ratings, users: assembled.users, items: assembled.items),
            predefinedFolds: folds, ratingScale: scale, notes: catalogue.notes,
            uncataloguedItems: catalogue.uncatalogued, uncataloguedRatingCount: catalogue.uncataloguedRatings)
    }

    /// Synthetic data, checked against a stated `data.rating_range`.
    static func checkedSynthetic(_ config: DataConfig) throws -> Dataset {
        var dataset = SyntheticData.generate(config.synthetic)
        guard let scale = RatingScale(stated: config.ratingRange) else { return dataset }
        if let outside = dataset.ratings.ratings.first(where: { !scale.contains($0) }) {
            throw DataError.invalidConfiguration(
                "data.synthetic: the generator writes ratings \(dataset.ratingScale.text), and \(RatingScale.number(Double(outside)))"
                    + " is outside data.rating_range \(scale.text); widen data.rating_range or remove it")
        }
        dataset.ratingScale = scale
        dataset.notes.removeAll { $0.hasPrefix(RatingScale.notePrefix) }
        return dataset
    }
}
