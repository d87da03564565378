import Foundation

extension SyntheticData {
    /// Writes `ratings.csv` and `movies.csv` in the ml-latest-small layout into `directory`.
    ///
    /// Loading the folder back with `DatasetLoader.loadMovieLens` gives the same fingerprint.
    public static func writeMovieLensLayout(_ dataset: Dataset, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var ratings = "userId,movieId,rating,timestamp\n"
        ratings.reserveCapacity(dataset.ratings.count * 28)
        let set = dataset.ratings
        for index in 0..<set.count {
            ratings += dataset.users.raw(set.users[index])
            ratings += ","
            ratings += dataset.items.raw(set.items[index])
            ratings += ","
            ratings += Fingerprint.ratingText(set.ratings[index])
            ratings += ","
            ratings += String(set.timestamps[index])
            ratings += "\n"
        }
        var movies = "movieId,title,genres\n"
        for (index, info) in dataset.itemInfo.enumerated() {
            let genres = info.genres.isEmpty ? "(no genres listed)" : info.genres.joined(separator: "|")
            movies += "\(dataset.items.raw(Int32(index))),\(csvField(info.title)),\(csvField(genres))\n"
        }
        try write(ratings, to: (directory as NSString).appendingPathComponent("ratings.csv"))
        try write(movies, to: (directory as NSString).appendingPathComponent("movies.csv"))
    }

    /// A CSV field, quoted (with `"` doubled) when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DataError.unreadable(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
