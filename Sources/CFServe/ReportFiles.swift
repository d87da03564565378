import Foundation
import NIOCore

/// The files of the report folder, served under `/report/`: the only place a request's
/// path reaches the file system, and then only inside the folder.
///
/// A path is refused before any file is looked at when a segment, once percent-decoded,
/// is empty, `.` or `..`, starts with a dot, or holds a slash, a backslash or a NUL; the
/// file found is then resolved (symbolic links followed) and must still lie inside the
/// folder, be a regular file, have a known extension and be at most `maxBytes`.
struct ReportFiles: Sendable {
    /// The folder, resolved once when the server starts.
    let root: URL
    let maxBytes: Int

    /// The content type of each extension served; any other file is not found.
    static let types = [
        "html": "text/html; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "css": "text/css; charset=utf-8",
        "txt": "text/plain; charset=utf-8", "md": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "dat": "text/plain; charset=utf-8", "gp": "text/plain; charset=utf-8", "json": "application/json",
    ]

    init(folder: String, maxBytes: Int = 64 << 20) {
        root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        self.maxBytes = maxBytes
    }

    /// The relative path of `rawPath` (what follows `/report/`, as sent) as safe segments, or nil.
    static func segments(_ rawPath: Substring) -> [String]? {
        let parts = rawPath.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 16 else { return nil }
        var segments: [String] = []
        for part in parts {
            guard let decoded = Links.decoded(part), !decoded.isEmpty, !decoded.hasPrefix("."),
                  !decoded.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else { return nil }
            segments.append(decoded)
        }
        return segments
    }

    /// The file for `rawPath`, or nil when it is refused or absent.
    func file(_ rawPath: Substring) -> (url: URL, type: String)? {
        guard let segments = Self.segments(rawPath) else { return nil }
        var candidate = root
        for segment in segments { candidate.appendPathComponent(segment) }
        if (try? candidate.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
            candidate.appendPathComponent("index.html")
        }
        let resolved = candidate.resolvingSymlinksInPath()
        guard resolved.path.hasPrefix(root.path + "/"),
              let type = Self.types[resolved.pathExtension.lowercased()],
              let values = try? resolved.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]),
              values.isRegularFile == true, (values.fileSize ?? .max) <= maxBytes
        else { return nil }
        return (resolved, type)
    }

    /// Whether the folder holds `name/index.html` (a sweep's or run's report).
    func reportLink(for name: String) -> String? {
        let path = Links.encoded(name)
        return file(Substring(path + "/index.html")) == nil ? nil : "/report/\(path)/"
    }

    /// The bytes of a file `file(_:)` returned.
    func read(_ url: URL) -> ByteBuffer? {
        (try? Data(contentsOf: url, options: .mappedIfSafe)).map { ByteBuffer(bytes: $0) }
    }
}
