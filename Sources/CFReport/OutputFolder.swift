import Foundation

/// Where a report writes: `<out>/plots/<name>/`, with a name that cannot leave that folder.
public struct OutputFolder: Sendable {
    /// The report's folder, inside `root/plots`.
    public let url: URL

    /// The folder for `name` under `root/plots`; throws when it would lie outside it.
    public init(root: URL, name: String) throws {
        let plots = root.appendingPathComponent("plots", isDirectory: true).standardizedFileURL
        let folder = plots.appendingPathComponent(Self.sanitisedName(name), isDirectory: true).standardizedFileURL
        guard folder.path.hasPrefix(plots.path + "/"), folder.deletingLastPathComponent().path == plots.path else {
            throw ReportError.unsafePath(folder.path)
        }
        url = folder
    }

    /// A folder at `url` as is: the sibling a report is built in before it is swapped in.
    init(building url: URL) {
        self.url = url
    }

    /// `name` reduced to letters, digits, `.`, `_` and `-` (others become `_`), with no
    /// leading dot, so that it is one plain path component; empty names become `report`.
    public static func sanitisedName(_ name: String) -> String {
        var out = ""
        for character in name {
            let plain = character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
            out.append(plain ? character : "_")
        }
        while out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "report" : String(out.prefix(120))
    }

    /// The file `name` inside the folder (a name from `sanitisedName` or a fixed one).
    public func file(_ name: String) -> URL {
        url.appendingPathComponent(name, isDirectory: false)
    }
}
