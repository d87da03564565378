import CFConfig
import CFData
import Foundation

/// The real MovieLens releases on the data search path (`$CFLAB_DATA`, `./data`,
/// `../shared/data`), for tests
/// that check them where they are present and say so where they are not.
public enum RealData {
    /// The named release (`ml-100k`, `ml-latest-small`) loaded, or nil with a note when
    /// `marker` (a file of the release, such as `ml-100k/u.data`) is missing.
    public static func load(_ name: String, marker: String) throws -> Dataset? {
        let locator = DataLocator()
        guard locator.roots.contains(where: { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(marker)) }) else {
            print("note: \(name) is not under CFLAB_DATA, ./data or ../shared/data; the real-data check did not run")
            return nil
        }
        var config = DataConfig()
        config.source = .movielens
        config.name = name
        return try DatasetLoader.load(config, relativeTo: nil, locator: locator)
    }
}
