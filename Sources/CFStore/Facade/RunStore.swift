import Foundation
import GRDB

/// The run store: the one facade through which cflab reads and writes `runs.sqlite`.
///
/// A GRDB `DatabasePool` in WAL mode with a busy timeout, so that several processes can
/// share one file: readers never block, and writers queue for up to `busyTimeout`. Every
/// write is an `IMMEDIATE` transaction, taking the write lock before it reads, so a
/// check-then-insert such as `claimTrial` cannot race another process.
public final class RunStore: Sendable {
    /// The file as given by the caller, for messages.
    public let path: String
    /// Whether the store was opened with `readOnly: true`.
    public let isReadOnly: Bool
    /// Who this instance claims trials as: host, process id and a random suffix.
    public let owner: ClaimOwner
    let database: DatabasePool

    /// How long a writer waits for another process's write lock before failing.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating and migrating when needed) the store at `path`.
    ///
    /// With `readOnly`, the file must exist and is never modified: the form for reports.
    /// Throws `StoreError` naming the path for a file that is not a database, a location
    /// that cannot be written, or a store written by a newer cflab.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        self.isReadOnly = readOnly
        self.owner = ClaimOwner.current()
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError.cannotOpen(path: path, reason: "no such file; run `cflab run` first or pass another --store")
            }
        } else {
            try Self.createParentFolder(of: path)
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "cflab.store"
        let lock = OpeningLock(storePath: path, exclusive: !readOnly)
        defer { lock?.release() }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrate(database, path: path, readOnly: readOnly)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Creates the folders above `path`, turning a failure into a one-line error.
    private static func createParentFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.notWritable(path: path, reason: "cannot create folder \(folder.path)")
        }
    }

    /// Applies missing migrations, or refuses a store that has migrations this build lacks.
    private static func migrate(_ database: DatabasePool, path: String, readOnly: Bool) throws {
        let migrator = StoreSchema.migrator
        let known = migrator.migrations
        let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
        if let unknown = applied.subtracting(known).sorted().last {
            throw StoreError.newerStore(path: path, migration: unknown)
        }
        if readOnly {
            if let missing = known.first(where: { !applied.contains($0) }) {
                throw StoreError.outdatedStore(path: path, migration: missing)
            }
            return
        }
        guard known.contains(where: { !applied.contains($0) }) else { return }
        try migrator.migrate(database)
        // The reader that checked the migrations cached the old schema (and GRDB its
        // column names): a `SELECT r.*` there would miss the new columns.
        database.invalidateReadOnlyConnections()
    }

    /// A one-line `StoreError` for a GRDB or system error met while opening `path`.
    static func translate(_ error: Error, path: String) -> StoreError {
        guard let databaseError = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: "\(error)")
        }
        let reason = databaseError.message ?? "\(databaseError.resultCode)"
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
            return .notWritable(path: path, reason: reason)
        default:
            return .cannotOpen(path: path, reason: reason)
        }
    }

    /// Runs `body` in one `IMMEDIATE` transaction, committed when it returns.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else {
            throw StoreError.notWritable(path: path, reason: "the store was opened read-only")
        }
        do {
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.invalidArgument("transaction produced no result") }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` on a read snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as WhereError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The names of the migrations applied to this store, in the order applied.
    public func appliedMigrations() throws -> [String] {
        try read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }
}
