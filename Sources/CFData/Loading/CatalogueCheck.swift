import Foundation

/// Reads a MovieLens release's item catalogue and notes what it does not cover.
///
/// A release without its catalogue file (movies.csv, u.item, movies.dat) loads, but its
/// runs have no titles: a note says so. Ratings of items that the catalogue lacks are
/// counted, and the first few such items are named with the line of their first rating.
enum CatalogueCheck {
    /// How many uncatalogued items a note names before it says "and N more".
    static let namedItems = 5

    struct Outcome {
        var catalog: [String: ItemInfo] = [:]
        var notes: [String] = []
        var uncatalogued: [String] = []
        var uncataloguedRatings = 0
    }

    /// The catalogue of the release in `folder`, whose ratings file `ratingsPath` gave `assembled`.
    static func load(
        layout: MovieLensLayout, folder: String, ratingsPath: String, assembled: RatingsAssembler.Assembled
    ) throws -> Outcome {
        var outcome = Outcome()
        let itemsPath = (folder as NSString).appendingPathComponent(layout.itemsFile)
        guard FileManager.default.fileExists(atPath: itemsPath) else {
            outcome.notes.append("no \(layout.itemsFile) in \(folder): runs will have no titles or genres"
                                 + " (items show as `item <id>`)")
            return outcome
        }
        switch layout {
        case .csv: outcome.catalog = try ItemCatalog.movieLensCSV(path: itemsPath)
        case .doubleColon: outcome.catalog = try ItemCatalog.doubleColon(path: itemsPath)
        case .ml100k:
            let genrePath = (folder as NSString).appendingPathComponent("u.genre")
            outcome.catalog = try ItemCatalog.ml100k(
                itemPath: itemsPath, genrePath: FileManager.default.fileExists(atPath: genrePath) ? genrePath : nil)
        }
        let missing = assembled.items.rawIds.enumerated().filter { outcome.catalog[$0.element] == nil }
        guard !missing.isEmpty else { return outcome }
        outcome.uncatalogued = missing.map(\.element)
        let missingDense = Set(missing.map { Int32($0.offset) })
        outcome.uncataloguedRatings = assembled.ratings.items.reduce(0) { $0 + (missingDense.contains($1) ? 1 : 0) }
        outcome.notes.append(note(outcome, layout: layout, ratingsPath: ratingsPath, assembled: assembled))
        return outcome
    }

    /// `1 rating (1 item) names an item missing from movies.csv: 999999 (ratings.csv:100838)`.
    private static func note(
        _ outcome: Outcome, layout: MovieLensLayout, ratingsPath: String, assembled: RatingsAssembler.Assembled
    ) -> String {
        let named = Array(outcome.uncatalogued.prefix(namedItems))
        var firstRecord: [String: Int] = [:]
        let wanted = Dictionary(uniqueKeysWithValues: named.compactMap { id in assembled.items.dense(id).map { ($0, id) } })
        for (index, item) in assembled.fileOrderItems.enumerated() where firstRecord.count < wanted.count {
            if let id = wanted[item], firstRecord[id] == nil { firstRecord[id] = index }
        }
        let lines = RatingsFileReader.lineNumbers(
            ofRecords: Set(firstRecord.values), path: ratingsPath, format: layout.ratingsFormat)
        let ratingsFile = layout.ratingsFile
        let places = named.map { id -> String in
            guard let record = firstRecord[id], let line = lines[record] else { return id }
            return "\(id) (\(ratingsFile):\(line))"
        }
        let more = outcome.uncatalogued.count - named.count
        let ratings = outcome.uncataloguedRatings == 1 ? "1 rating" : "\(outcome.uncataloguedRatings) ratings"
        let items = outcome.uncatalogued.count == 1 ? "1 item" : "\(outcome.uncatalogued.count) items"
        let verb = outcome.uncataloguedRatings == 1 ? "names" : "name"
        let noun = outcome.uncatalogued.count == 1 ? "an item" : "items"
        return "\(ratings) (\(items)) \(verb) \(noun) missing from \(layout.itemsFile): "
            + places.joined(separator: ", ") + (more > 0 ? ", and \(more) more" : "")
            + "; they train, but show as `item <id>`"
    }
}
