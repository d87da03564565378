import CFCore
import Foundation
import ZIPFoundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads a MovieLens release, checks its checksum, and unpacks it into `<dir>/<name>`.
///
/// Nothing is left half-written: the zip streams into a hidden `.partial` file, is
/// checked, unpacks into a hidden temporary folder, and only then is renamed into
/// place. A bad checksum, a broken zip or an interruption removes every temporary file,
/// and a failed fetch removes the folders it created for `<dir>`.
public struct DataFetcher {
    /// What a fetch produced.
    public struct Outcome: Equatable, Sendable {
        public var folder: String
        public var sha256: String
        public var md5: String
        public var bytes: Int
    }

    public let release: DataRelease
    /// Where to download from: the release's URL, or a mirror / local `file://` zip.
    public let source: URL
    /// A SHA-256 the download must have (overrides the release's).
    public let requiredSHA256: String?

    public init(release: DataRelease, source: URL? = nil, requiredSHA256: String? = nil) throws {
        self.release = release
        guard let url = source ?? URL(string: release.url) else {
            throw DataError.invalidConfiguration("bad download URL for \(release.name)")
        }
        self.source = url
        if let requiredSHA256, requiredSHA256.count != 64 || !requiredSHA256.allSatisfy(\.isHexDigit) {
            throw DataError.invalidConfiguration("a SHA-256 checksum is 64 hexadecimal digits, got \(requiredSHA256.debugDescription)")
        }
        self.requiredSHA256 = requiredSHA256?.lowercased() ?? release.sha256
    }

    /// Fetches into `directory`, reporting (bytes so far, total or nil) through `progress`.
    public func fetch(into directory: String, progress: @escaping @Sendable (Int, Int?) -> Void = { _, _ in }) throws -> Outcome {
        let manager = FileManager.default
        let target = (directory as NSString).appendingPathComponent(release.folderName)
        if manager.fileExists(atPath: target) {
            throw DataError.invalidConfiguration("\(target) already exists; remove it first to fetch \(release.name) again")
        }
        let created = Self.outermostMissingFolder(of: directory)
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        let partial = (directory as NSString).appendingPathComponent(".\(release.name)-\(token).zip.partial")
        let staging = (directory as NSString).appendingPathComponent(".\(release.name)-\(token).unpacking")
        defer {
            try? manager.removeItem(atPath: partial)
            try? manager.removeItem(atPath: staging)
        }
        do {
            let download = try Download.run(from: source, to: partial, progress: progress)
            try verify(download)
            try unpack(zip: partial, staging: staging, target: target)
            return Outcome(folder: target, sha256: download.sha256, md5: download.md5, bytes: download.bytes)
        } catch {
            if let created { try? manager.removeItem(atPath: created) }
            throw error
        }
    }

    /// The outermost folder of `path` that does not exist yet (`path` itself when only it is
    /// missing), or nil when it exists.
    static func outermostMissingFolder(of path: String) -> String? {
        var missing: String?
        var current = (path as NSString).standardizingPath
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing = current
            current = (current as NSString).deletingLastPathComponent
        }
        return missing
    }

    private func verify(_ download: Download.Result) throws {
        if let expected = requiredSHA256, expected != download.sha256 {
            throw DataError.checksumMismatch(name: release.name, algorithm: "SHA-256", expected: expected, actual: download.sha256)
        }
        if let expected = release.md5, requiredSHA256 == nil, expected != download.md5 {
            throw DataError.checksumMismatch(name: release.name, algorithm: "MD5", expected: expected, actual: download.md5)
        }
    }

    private func unpack(zip: String, staging: String, target: String) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try manager.unzipItem(at: URL(fileURLWithPath: zip), to: URL(fileURLWithPath: staging))
        } catch {
            throw DataError.unreadable(path: source.absoluteString, reason: "not a valid zip archive (\(error))")
        }
        let entries = try manager.contentsOfDirectory(atPath: staging).filter { !$0.hasPrefix(".") && $0 != "__MACOSX" }
        let root: String
        if entries.count == 1, DataLocator.isDirectory((staging as NSString).appendingPathComponent(entries[0])) {
            root = (staging as NSString).appendingPathComponent(entries[0])
        } else {
            root = staging
        }
        guard MovieLensLayout.detect(in: root) != nil else {
            throw DataError.unknownLayout(path: "\(source.absoluteString) (unpacked)")
        }
        try manager.moveItem(atPath: root, toPath: target)
    }
}
