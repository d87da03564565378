import Foundation
import GRDB

/// How the store's file is opened: the GRDB configuration, and the `immutable` URI that
/// read-only media need.
enum StoreConnection {
    /// A pool on `path` (WAL, busy timeout, foreign keys on), or with `immutable` a single
    /// read-only connection that tells SQLite the file cannot change.
    static func open(path: String, readOnly: Bool, immutable: Bool) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(RunStore.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "cflab.store"
        if immutable {
            return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
        }
        return try DatabasePool(path: path, configuration: configuration)
    }

    /// Whether a read-only opening of `path` needs `immutable=1`.
    ///
    /// A WAL reader needs the WAL index (`-shm`): SQLite creates it beside the file, or
    /// uses the `-shm` and `-wal` already there. Only where the folder cannot be written
    /// and they are not both there (a read-only medium, a copied store in a locked folder)
    /// is the file opened immutable, which skips locking and the index but also never sees
    /// later commits: a reader on a writable folder must see them, so it never is.
    static func needsImmutable(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder.isEmpty ? "." : folder, W_OK) != 0 else { return false }
        let files = FileManager.default
        return !(files.fileExists(atPath: path + "-shm") && files.fileExists(atPath: path + "-wal"))
    }

    /// The SQLite URI `file:/absolute/path?immutable=1`, with `%`, `?` and `#` escaped.
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var escaped = ""
        for character in absolute {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }
}
