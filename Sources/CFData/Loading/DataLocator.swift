import CFConfig
import Foundation

/// Finds data folders: `$CFLAB_DATA`, else `../shared/data` below the current directory.
///
/// A MovieLens `name` resolves to `<root>/<name>`; an explicit `path` always wins and,
/// when relative, resolves against the experiment file's folder (or the current one).
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

    /// The data root, or nil when neither `$CFLAB_DATA` nor `../shared/data` is there.
    public var root: String? {
        if let value = environment["CFLAB_DATA"], !value.isEmpty {
            return absolute(value, relativeTo: currentDirectory)
        }
        let shared = absolute("../shared/data", relativeTo: currentDirectory)
        return Self.isDirectory(shared) ? shared : nil
    }

    /// The folder of a named MovieLens release, checked to exist.
    public func folder(named name: String) throws -> String {
        guard let root else { throw DataError.noDataRoot(name: name) }
        let folder = (root as NSString).appendingPathComponent(name)
        guard Self.isDirectory(folder) else {
            throw DataError.missing(
                path: folder,
                hint: "run `cflab data fetch \(name)`, or set CFLAB_DATA to the folder that holds `\(name)`")
        }
        return folder
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
