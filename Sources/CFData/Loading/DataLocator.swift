import CFCore
import CFConfig
import Foundation

/// Finds data folders along the one search path every command uses.
///
/// A MovieLens `name` resolves to the first existing `<root>/<name>` of `roots`:
/// `$CFLAB_DATA`, then `./data` (where `cflab data fetch` unpacks without CFLAB_DATA),
/// then `../shared/data`. An explicit `path` always wins and, when relative, resolves
/// against the experiment file's folder (or the current one).
public struct DataLocator: Sendable {
    public var environment: [String: String]
    public var currentDirectory: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The folders a name is looked up in, in order (absolute; they need not exist).
    public var roots: [String] {
        var roots: [String] = []
        if let value = environment["CFLAB_DATA"], !value.isEmpty { roots.append(absolute(value, relativeTo: currentDirectory)) }
        for folder in ["data", "../shared/data"] where !roots.contains(absolute(folder, relativeTo: currentDirectory)) {
            roots.append(absolute(folder, relativeTo: currentDirectory))
        }
        return roots
    }

    /// Where `cflab data fetch` unpacks by default: the first folder of the search path
    /// that is writable, or that does not exist yet under a writable parent (so
    /// `$CFLAB_DATA`, else `./data`); the first one when none is, for fetch to refuse.
    public var fetchRoot: String {
        roots.first(where: Self.isWritableFolder) ?? roots[0]
    }

    /// Whether `path` is a writable folder, or could be made as one.
    static func isWritableFolder(_ path: String) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { return isDirectory(path) && manager.isWritableFile(atPath: path) }
        let parent = (path as NSString).deletingLastPathComponent
        return parent != path && isWritableFolder(parent)
    }

    /// Every `<root>/<name>` of the search path, in order (they need not exist).
    public func candidates(named name: String) -> [String] {
        roots.map { ($0 as NSString).appendingPathComponent(name) }
    }

    /// The folder of a named MovieLens release: the first candidate that exists.
    public func folder(named name: String) throws -> String {
        if let found = candidates(named: name).first(where: Self.isDirectory) { return found }
        let looked = "looked in \(candidates(named: name).joined(separator: ", "))"
        // A misspelt name: suggest the release or folder meant, not fetching the typo.
        if DataRelease.named(name) == nil, let meant = EditDistance.suggestion(for: name, among: knownNames) {
            throw DataError.missing(path: name, hint: "\(looked); did you mean `\(meant)`?")
        }
        throw DataError.missing(
            path: name,
            hint: "\(looked); run `cflab data fetch \(name)`, or set CFLAB_DATA to the folder that holds `\(name)`")
    }

    /// The names a data name may mean: the releases `cflab data fetch` knows, and the
    /// folders under the roots.
    var knownNames: [String] {
        var names = DataRelease.all.map(\.name)
        for root in roots {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            names += entries.sorted().filter { Self.isDirectory((root as NSString).appendingPathComponent($0)) && !names.contains($0) }
        }
        return names
    }

    /// The folder or file a data config points at: `path` (resolved) wins over `name`.
    public func location(of config: DataConfig, relativeTo baseDirectory: String?) throws -> String {
        if let path = config.path {
            let resolved = absolute(path, relativeTo: baseDirectory ?? currentDirectory)
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw DataError.missing(path: resolved, hint: "check `data.path` (relative paths start at the experiment file's folder)")
            }
            return resolved
        }
        guard let name = config.name, !name.isEmpty else {
            throw DataError.invalidConfiguration("data: give `name` (for example ml-100k) or `path`")
        }
        return try folder(named: name)
    }

    /// `path` made absolute against `base` and standardised.
    public func absolute(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
