import Foundation
import GRDB

/// The run store: the one facade through which cflab reads and writes `runs.sqlite`.
///
/// A GRDB `DatabasePool` in WAL mode with a busy timeout, so that several processes can
/// share one file: readers never block, and writers queue for up to `busyTimeout`. Every
/// write is an `IMMEDIATE` transaction, taking the write lock before it reads, so a
/// check-then-insert such as `claimTrial` cannot race another process. A writer holds an
/// owner lock (`OwnerLock`) while it lives, and writes only the runs it owns.
public final class RunStore: Sendable {
    /// The file as given by the caller, for messages.
    public let path: String
    /// Whether the store was opened with `readOnly: true`.
    public let isReadOnly: Bool
    /// Whether the store was opened `immutable`: read-only in a folder that cannot be
    /// written, where SQLite cannot keep its WAL index. Such a reader does not see commits
    /// made after it opened.
    public let isImmutable: Bool
    /// Who this instance claims trials as: host, process id and a random suffix.
    public let owner: ClaimOwner
    let database: any DatabaseWriter
    /// The lock that tells other processes on this host that `owner` is alive; nil when read-only.
    let ownerLock: OwnerLock?

    /// How long a writer waits for another process's write lock before failing.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating and migrating when needed) the store at `path`.
    ///
    /// With `readOnly`, the file must exist and is never modified: the form for reports.
    /// It reads a store that lacks newer migrations as it is, without migrating it.
    /// Throws `StoreError` naming the path for a file that is not a database or is
    /// damaged, a location that cannot be written, or a store written by a newer cflab;
    /// a refused path is left as it was (`StoreProbe`).
    public convenience init(path: String, readOnly: Bool = false) throws {
        try self.init(path: path, readOnly: readOnly, options: StoreOpeningOptions())
    }

    /// Opens the store with options that tests set (an injected owner, a forced immutable opening).
    init(path: String, readOnly: Bool, options: StoreOpeningOptions) throws {
        self.path = path
        self.isReadOnly = readOnly
        self.owner = options.owner ?? ClaimOwner.current()
        if readOnly {
            try Self.requireFile(path)
            try StoreProbe.refuseIrregular(path)
        } else {
            try StoreProbe.checkForWriting(path)
            try Self.createParentFolder(of: path)
        }
        let immutable = readOnly && (options.forcesImmutable || StoreConnection.needsImmutable(path))
        self.isImmutable = immutable
        let lock = OpeningLock(storePath: path, exclusive: !readOnly)
        defer { lock?.release() }
        do {
            database = try StoreConnection.open(path: path, readOnly: readOnly, immutable: immutable)
            try Self.prepareSchema(database, path: path, readOnly: readOnly)
        } catch {
            throw StoreError.translating(error, path: path)
        }
        ownerLock = readOnly ? nil : OwnerLock(storePath: path, token: owner.token)
    }

    /// Throws the one-line error for a read-only opening of a file that does not exist.
    static func requireFile(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "no such file; run `cflab run` first or pass another --store")
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
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// Runs `body` on a read snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as WhereError {
            throw error
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// The names of the migrations applied to this store, in the order applied.
    public func appliedMigrations() throws -> [String] {
        try read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }
}
