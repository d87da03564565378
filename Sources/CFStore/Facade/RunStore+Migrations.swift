import Foundation
import GRDB

extension RunStore {
    /// Applies the migrations that the store at `path` lacks, returning their names in
    /// the order applied (empty when it is up to date): `cflab store migrate`.
    ///
    /// The file must exist. A store written by a newer cflab is refused, as on opening.
    @discardableResult
    public static func migrate(path: String) throws -> [String] {
        try requireFile(path)
        try StoreProbe.checkForWriting(path)
        let lock = OpeningLock(storePath: path, exclusive: true)
        defer { lock?.release() }
        do {
            let database = try StoreConnection.open(path: path, readOnly: false, immutable: false)
            defer { try? database.close() }
            return try prepareSchema(database, path: path, readOnly: false)
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// Refuses a store that has migrations this build lacks; then, unless `readOnly`,
    /// applies the missing ones and returns their names.
    ///
    /// A read-only opening reads an older store as it is: every read tolerates the
    /// columns and tables that later migrations add. A file without any migration is
    /// not a run store at all, and a reader refuses it.
    @discardableResult
    static func prepareSchema(_ database: any DatabaseWriter, path: String, readOnly: Bool) throws -> [String] {
        let migrator = StoreSchema.migrator
        let known = migrator.migrations
        let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
        try StoreProbe.refuseNewer(applied: applied, path: path)
        let missing = known.filter { !applied.contains($0) }
        if readOnly {
            if applied.isEmpty {
                throw StoreError.cannotOpen(path: path, reason: "it holds no cflab tables; run `cflab run` first or pass another --store")
            }
            return []
        }
        guard !missing.isEmpty else { return [] }
        try migrator.migrate(database)
        // The reader that checked the migrations cached the old schema (and GRDB its
        // column names): a `SELECT r.*` there would miss the new columns.
        (database as? DatabasePool)?.invalidateReadOnlyConnections()
        return missing
    }
}
