import Foundation
import GRDB

/// Looks at what a store path holds before the store is opened, writing nothing.
///
/// A writer takes the opening lock (creating `<store>.lock`) and opens the file for
/// writing (which switches it to WAL and, on closing, checkpoints it) only once the file is
/// known to be a cflab store, or missing or empty so that it becomes one. A folder, a
/// device or a pipe is refused before SQLite opens it: opening a named pipe blocks.
enum StoreProbe {
    /// Throws `notAStore` for a path that is there but not a regular file (links followed).
    static func refuseIrregular(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        try refuseIrregular(status, path: path)
    }

    /// Throws what a writer must not open: a folder, device or pipe; a file that is not
    /// SQLite or is damaged; another program's database; a store of a newer cflab.
    static func checkForWriting(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        try refuseIrregular(status, path: path)
        guard status.st_size > 0 else { return }
        // Without a WAL beside it the file holds every commit, and an immutable opening
        // creates no `-shm` or `-wal`; with one, SQLite reads the WAL through its index.
        let immutable = !FileManager.default.fileExists(atPath: path + "-wal")
        do {
            let database = try StoreConnection.open(path: path, readOnly: true, immutable: immutable)
            defer { try? database.close() }
            try database.read { db in try refuseForeignOrNewer(db, path: path) }
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// Throws `newerStore` for a migration this build lacks.
    static func refuseNewer(applied: Set<String>, path: String) throws {
        if let unknown = applied.subtracting(StoreSchema.migrator.migrations).sorted().last {
            throw StoreError.newerStore(path: path, migration: unknown)
        }
    }

    private static func refuseIrregular(_ status: stat, path: String) throws {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw StoreError.notAStore(path: path, reason: "it is a folder")
        default: throw StoreError.notAStore(path: path, reason: "it is not a regular file: a device, pipe or socket")
        }
    }

    /// A database with tables but no migrations is another program's; one with migrations
    /// this build lacks is a newer cflab's.
    private static func refuseForeignOrNewer(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name
            """)
        guard tables.contains("grdb_migrations") else {
            guard !tables.isEmpty else { return }
            let named = tables.prefix(3).map(\.debugDescription).joined(separator: ", ") + (tables.count > 3 ? ", …" : "")
            throw StoreError.notAStore(path: path, reason: "it holds tables that are not cflab's: \(named)")
        }
        try refuseNewer(applied: try StoreSchema.migrator.appliedIdentifiers(db), path: path)
    }
}
