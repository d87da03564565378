/// A MovieLens release that `cflab data fetch` knows how to download.
///
/// GroupLens publishes an MD5 beside each zip (`<name>.zip.md5`); those are recorded
/// here. `ml-latest-small` is a moving "latest" release with no stable checksum, so
/// fetching it prints the SHA-256 it got and `--sha256` pins one.
public struct DataRelease: Equatable, Sendable {
    public let name: String
    public let url: String
    /// The MD5 GroupLens publishes, when the release is frozen.
    public let md5: String?
    /// A SHA-256 to require, when known.
    public let sha256: String?
    /// The folder the zip unpacks to.
    public var folderName: String { name }

    public static let all: [DataRelease] = [
        DataRelease(name: "ml-latest-small", url: base + "ml-latest-small.zip", md5: nil, sha256: nil),
        DataRelease(name: "ml-100k", url: base + "ml-100k.zip", md5: "0e33842e24a9c977be4e0107933c0723", sha256: nil),
        DataRelease(name: "ml-1m", url: base + "ml-1m.zip", md5: "c4d9eecfca2ab87c1945afe126590906", sha256: nil),
        DataRelease(name: "ml-10m", url: base + "ml-10m.zip", md5: "ce571fd55effeba0271552578f2648bd", sha256: nil),
        DataRelease(name: "ml-20m", url: base + "ml-20m.zip", md5: "cd245b17a1ae2cc31bb14903e1204af3", sha256: nil),
        DataRelease(name: "ml-25m", url: base + "ml-25m.zip", md5: "6b51fb2759a8657d3bfcbfc42b592ada", sha256: nil),
        DataRelease(name: "ml-32m", url: base + "ml-32m.zip", md5: nil, sha256: nil),
    ]

    static let base = "https://files.grouplens.org/datasets/movielens/"

    /// The release called `name`, or nil.
    public static func named(_ name: String) -> DataRelease? {
        all.first { $0.name == name }
    }
}
